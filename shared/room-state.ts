import type { RoomInfo } from './room/state.js';
import { initialClock, type ClockState } from './exercise/clock.js';
import { initialCareMapState, type CareMapState } from './care-map/state.js';
import { initialExerciseState, type ExerciseState } from './exercise/stimuli-state.js';
import { initialRetexState, type RetexState } from './retex/release.js';
import { initialMainCouranteSummary, type MainCouranteSummary } from './main-courante/state.js';
import { initialCommsState, type CommsState } from './comms/draft.js';
import { initialAlertChainState, type AlertChainState } from './alert-chain/state.js';

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
  /** The affected care offer: statuses, bascules du 15, délestages (shared/care-map). */
  careMap: CareMapState;
  /** The exercise: briefing (all), grid (staff), chronogramme (director), inbox per cell (shared/exercise). */
  exercise: ExerciseState;
  /** Whether the RETEX report is open to players (shared/retex). */
  retex: RetexState;
  /** Counts and significant entries of the main courante (the entries live in its Yjs document; shared/main-courante). */
  mainCourante: MainCouranteSummary;
  /** Public-communication drafts: workflow, sealed texts, frozen versions (shared/comms). */
  comms: CommsState;
  /** The alert chain: who must alert whom, by when, and who did (shared/alert-chain). */
  alertChain: AlertChainState;
}

export function initialRoomState(roomId: string): RoomState {
  return {
    seq: 0,
    room: { id: roomId, mode: 'exercise', title: '', cells: [], createdAt: 0, announcement: null, checkIns: {} },
    clock: initialClock,
    careMap: initialCareMapState,
    exercise: initialExerciseState,
    retex: initialRetexState,
    mainCourante: initialMainCouranteSummary,
    comms: initialCommsState,
    alertChain: initialAlertChainState,
  };
}
