import type { Dict } from '../core/dict.js';
import type { Channel } from '../core/channels.js';
import type { ObserverKit } from './scenario-kit.js';
import type { Objective, Scenario } from './scenario.js';
import type { Stimulus } from './scenario-stimulus.js';
import type { PlayerScenarioView } from './scenario-views.js';

/**
 * Where a row of the chronogramme stands. `waiting`: its `after_event` condition has not happened;
 * `cancelled`: the players did what an `if_no_event` contingency checks for, so it is never sent.
 */
export type StimulusStatus = 'scheduled' | 'waiting' | 'injected' | 'skipped' | 'cancelled';

/** A row of the animator's chronogramme (director projection only: it holds the secrets). */
export interface ChronogrammeItem {
  stimulus: Stimulus;
  status: StimulusStatus;
  /** Exercise time the animator deferred it to (replaces the offset). */
  deferredTo: number | null;
  /** Exercise time of the first event satisfying its condition. */
  conditionMetAt: number | null;
  injectedAt: number | null;
  adHoc: boolean;
  /** For an animator's answer to a player's reply: the stimulus it answers. */
  inReplyTo: string | null;
}

/** A player's view of a delivered stimulus: only what the simulated sender actually said. */
export interface InboxItem {
  id: string;
  sender: { id: string; label: string };
  recipients: string[];
  channel: Channel;
  subject: string;
  content: string;
  attachments: Array<{ name: string; mediaType: string; dataBase64: string }>;
  injectedAt: number;
  injectedWall: number;
  inReplyTo: string | null;
  acks: Dict<{ by: string; exerciseTime: number; wallTime: number }>;
  replies: Array<{ cell: string; by: string; text: string; exerciseTime: number; wallTime: number }>;
  links: Array<{ cell: string; by: string; kind: LinkKind; ref: string; label: string; exerciseTime: number; wallTime: number }>;
  /** Main-courante entries of a cell that point at this stimulus (from the room log; absent until the first). */
  entries?: Array<{ cell: string; entryId: string; exerciseTime: number }>;
  /** Who of each recipient cell handles it (`stimulus.assign`; absent until the first assignment). */
  assignees?: Dict<StimulusAssignee>;
}

/** The member of a cell a stimulus is assigned to, and who assigned it when. */
export interface StimulusAssignee {
  sessionId: string;
  name: string;
  by: string;
  exerciseTime: number;
  wallTime: number;
}

/** A player the room has seen acting for a cell (from the actors of its events): who a stimulus may be assigned to. */
export interface CellMember {
  sessionId: string;
  name: string;
  cell: string;
}

export type LinkKind = 'mainCourante' | 'alertLink' | 'establishment' | 'comms';

/** An expected action as evaluators see it: what to look for and which stimulus calls for it (never the stimulus's content). */
export interface ObservableAction {
  id: string;
  stimulusId: string;
  label: string;
  criterion: string;
  objective: string;
  /** Every objective it serves, when more than one (read it with `objectivesOf`). */
  objectiveIds?: string[] | undefined;
  deadline?: string | undefined;
}

export interface ActionObservation {
  stimulusId: string;
  actionId: string;
  by: string;
  comment: string;
  exerciseTime: number;
}

export interface ObjectiveScore {
  objectiveId: string;
  score: number;
  comment: string;
  by: string;
  exerciseTime: number;
}

/** The evaluation grid being filled (staff projection only). */
export interface EvaluationState {
  observed: Dict<ActionObservation>;
  scores: Dict<ObjectiveScore>;
  observations: Array<{ by: string; text: string; objectiveId: string | null; exerciseTime: number }>;
}

export interface ExerciseState {
  /** What players may read: briefing, rules, objectives, player kit. */
  scenario: PlayerScenarioView | null;
  /** Evaluators and director: the grid and how to fill it, with the objectives it scores. */
  observerKit: (ObserverKit & { objectives: Objective[]; expectedActions: ObservableAction[] }) | null;
  /** Director only: the whole scenario and the live chronogramme. */
  animator: { scenario: Scenario; items: Dict<ChronogrammeItem>; order: string[] } | null;
  inbox: Dict<InboxItem>;
  inboxOrder: string[];
  evaluation: EvaluationState;
  /** Players seen acting in the room, by session id (`stimulus-assignment.ts`). */
  cellMembers: Dict<CellMember>;
}

export const initialExerciseState: ExerciseState = {
  scenario: null,
  observerKit: null,
  animator: null,
  inbox: {},
  inboxOrder: [],
  evaluation: { observed: {}, scores: {}, observations: [] },
  cellMembers: {},
};

export const observationKey = (stimulusId: string, actionId: string) => `${stimulusId}/${actionId}`;
