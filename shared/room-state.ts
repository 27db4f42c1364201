import type { RoomInfo } from './room/state.js';
import { initialClock, type ClockState } from './exercise/clock.js';

/**
 * The state of a room as one audience sees it: a pure projection of the events visible to it.
 * Each domain owns one slice; `applyEvent` in `domain.ts` routes an event to the slice's reducer.
 * Large shared texts (main courante, comms drafts) live in Yjs documents, not here.
 */
export interface RoomState {
  /** Sequence of the last event applied. */
  seq: number;
  room: RoomInfo;
  clock: ClockState;
}

export function initialRoomState(roomId: string): RoomState {
  return {
    seq: 0,
    room: { id: roomId, mode: 'exercise', title: '', cells: [], createdAt: 0, announcement: null, checkIns: {} },
    clock: initialClock,
  };
}