import type { SharedFeature } from './core/shared-feature.js';
import { sharedFeatures } from './features.js';

/** The features as the registry reads them (their literal types matter only to `shared/commands.ts`). */
const features: readonly SharedFeature[] = sharedFeatures;

/**
 * The state of a room as one audience sees it: a pure projection of the events visible to it.
 * Each feature owns one slice or two and declares them here from its own folder (module augmentation in
 * `shared/<feature>/feature.ts`); `applyEvent` in `domain.ts` routes an event to its feature's reducer.
 * Large shared texts (main courante, comms drafts) live in Yjs documents, not here.
 */
export interface RoomState {
  /** Sequence of the last event applied. */
  seq: number;
}

export function initialRoomState(roomId: string): RoomState {
  return Object.assign({ seq: 0 }, ...features.map((f) => f.initialState?.(roomId) ?? {})) as RoomState;
}
