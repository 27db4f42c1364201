import type { RoomEvent } from '../../shared/core/events.js';
import { audienceKey, isVisibleTo, type Viewer } from '../../shared/core/visibility.js';
import { applyEvent } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';

/** The viewer an audience key stands for (`player:ars` → a player of cell ars). */
export function viewerOfAudience(key: string): Viewer {
  if (key.startsWith('player:')) return { role: 'player', cell: key.slice('player:'.length) };
  return { role: key as Viewer['role'] };
}

/** Copies of a room's projections that a group commit rehearses its commands on (see `Projections.trial`). */
export interface ProjectionTrial {
  rehearse(events: readonly RoomEvent[]): void;
}

/**
 * One room state per audience, each the reduction of exactly the events that audience may see.
 * A snapshot sent to a player is its own projection, so nothing outside its visibility can be in it.
 */
export class Projections {
  private readonly byAudience = new Map<string, RoomState>();

  constructor(private readonly roomId: string) {}

  /** Applies an event to every projection that may see it. */
  apply(event: RoomEvent): void {
    for (const [key, state] of this.byAudience) {
      if (isVisibleTo(event.visibility, viewerOfAudience(key))) this.byAudience.set(key, applyEvent(state, event));
    }
  }

  /**
   * Copies of every projection, for a group commit to rehearse its commands one after the other: each `rehearse`
   * applies one command's events to the copies (all of them or, if a reducer throws, none) and keeps them, so the
   * next command is rehearsed after it. The live projections are not touched.
   */
  trial(): ProjectionTrial {
    const copies = new Map(this.byAudience);
    return {
      rehearse(events) {
        const next = [...copies].map(([key, state]) => {
          const viewer = viewerOfAudience(key);
          return [key, events.filter((e) => isVisibleTo(e.visibility, viewer)).reduce(applyEvent, state)] as const;
        });
        for (const [key, state] of next) copies.set(key, state);
      },
    };
  }

  has(viewer: Viewer): boolean {
    return this.byAudience.has(audienceKey(viewer));
  }

  /** Builds a projection from the whole log (first use of an audience), then keeps it up to date via `apply`. */
  build(viewer: Viewer, log: readonly RoomEvent[]): RoomState {
    const visible = log.filter((e) => isVisibleTo(e.visibility, viewer));
    const state = visible.reduce(applyEvent, initialRoomState(this.roomId));
    this.byAudience.set(audienceKey(viewer), state);
    return state;
  }

  get(viewer: Viewer): RoomState | undefined {
    return this.byAudience.get(audienceKey(viewer));
  }
}
