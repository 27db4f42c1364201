import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { refreshFlags } from './rules.js';
import type { CareChange, CareMapState, ChangeAuthor } from './state.js';

/** Who made a change, from the event envelope. */
export function authorOf(event: RoomEvent): ChangeAuthor {
  return { name: event.actor.name, role: event.actor.role, cell: event.actor.cell };
}

/**
 * Applies `change` to the care-map slice, records the history entry (`finess`: every site involved), and
 * refreshes the flags. Every care-map reducer goes through it, so the history is complete by construction.
 */
export function recordChange(state: RoomState, event: RoomEvent, finess: string[], change: (careMap: CareMapState) => CareMapState): RoomState {
  const entry: CareChange = {
    seq: event.seq,
    type: event.type,
    finess,
    wallTime: event.wallTime,
    exerciseTime: event.exerciseTime,
    by: authorOf(event),
    payload: event.payload,
  };
  const next = change(state.careMap);
  return { ...state, careMap: refreshFlags({ ...next, history: [...next.history, entry] }) };
}
