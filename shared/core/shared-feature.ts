import type { AnyCommandSpec, AnyEventSpec } from './define.js';
import type { RoomEvent } from './events.js';
import type { RoomState } from '../room-state.js';
import type { RoomDocKind } from './room-doc.js';
import type { EventSentence } from './sentence.js';

/**
 * What a domain folder of `shared/` brings to the room: its commands, its events, the slice of the room state
 * its reducers own, and watchers (reducers that look at every event, after its own reducer). One object per
 * folder, in its `feature.ts`; `shared/features.ts` lists them and the registries are loops over that list.
 *
 * The slice's *type* is declared by the feature file itself, augmenting `RoomState`:
 * `declare module '../room-state.js' { interface RoomState { careMap: CareMapState } }` — so a new feature
 * touches no central file but the one list.
 */
export interface SharedFeature {
  /** The folder's name: `care-map`, `alert-chain`… */
  id: string;
  commands?: readonly AnyCommandSpec[];
  events?: readonly AnyEventSpec[];
  /** One French sentence per event type of `events`, for the RETEX chronology, the replay and the exports. */
  sentences?: readonly EventSentence[];
  /** The initial value of the slices this feature owns (each key is a key of `RoomState`). */
  initialState?: (roomId: string) => Partial<RoomState>;
  watchers?: ReadonlyArray<(state: RoomState, event: RoomEvent) => RoomState>;
  /** The kinds of Yjs documents the feature brings to a room (who opens them; the server adds their policy). */
  docs?: readonly RoomDocKind[];
}

/** Identity function that checks a feature's shape where it is written. */
/** Checks a feature's shape where it is written, keeping its commands' literal types (for the typed `send`). */
export const defineSharedFeature = <const F extends SharedFeature>(feature: F): F => feature;
