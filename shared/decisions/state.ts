import type { Role } from '../core/roles.js';

/**
 * Decisions and actions of the crisis cell (issue 14). A decision is recorded once and never edited: a later
 * decision supersedes it explicitly. An action (tâche) has an owner cell, a due time on the room's clock,
 * a status `a_faire → en_cours → faite | abandonnee`, and every change is an event.
 */
export interface DecisionAuthor {
  name: string;
  role: Role;
  cell: string | null;
}

/** When something happened, on both clocks (exercise ms since T0/DEBEX, epoch ms). */
export interface Stamp {
  wallTime: number;
  exerciseTime: number;
}

export interface Decision {
  /** `D1`, `D2`…, numbered by the server in the order of the log. */
  id: string;
  title: string;
  rationale: string;
  /** The cell that decided (the author's cell, or the one the director names). */
  cell: string | null;
  by: DecisionAuthor;
  at: Stamp;
  /** The decision this one replaces (kept, marked superseded). */
  supersedes: string | null;
  supersededBy: string | null;
  /** Actions created with the decision. */
  actionIds: string[];
  /** The decider's session, so that the decision's main courante entry is theirs (absent in older logs). */
  bySession?: string;
}

export type ActionStatus = 'a_faire' | 'en_cours' | 'faite' | 'abandonnee';
export type ActionPriority = 'haute' | 'normale' | 'basse';

/** Where an action comes from. */
export type ActionSource = { kind: 'decision'; id: string } | { kind: 'stimulus'; id: string } | { kind: 'alertLink'; id: string } | { kind: 'scenario'; id: string } | { kind: 'libre' };

export interface ActionComment {
  by: DecisionAuthor;
  text: string;
  at: Stamp;
}

export interface ActionStep {
  by: DecisionAuthor;
  /** `statut : en_cours`, `réassignée à prefecture`, `échéance : …` — for the history list. */
  change: string;
  at: Stamp;
}

export interface CrisisAction {
  /** `A1`, `A2`…, numbered by the server. */
  id: string;
  title: string;
  details: string;
  ownerCell: string;
  /** Optionally a named participant of that cell (their display name). */
  ownerName: string | null;
  /** Due time: exercise ms in an exercise, epoch ms in a crisis (`clock` says which); null: no due time. */
  due: { clock: 'exercise' | 'wall'; at: number } | null;
  priority: ActionPriority;
  status: ActionStatus;
  /** Why it was abandoned. */
  abandonReason: string | null;
  source: ActionSource;
  createdBy: DecisionAuthor;
  createdAt: Stamp;
  doneAt: Stamp | null;
  /** Set once by the server when the due time passed with the action still open. */
  overdueAt: Stamp | null;
  comments: ActionComment[];
  history: ActionStep[];
  /** The director let any cell update this action (`action.allowOthers`); absent: false. */
  othersAllowed?: boolean;
}

export interface DecisionsState {
  decisions: Decision[];
  actions: CrisisAction[];
}

export const initialDecisionsState: DecisionsState = { decisions: [], actions: [] };

export const isOpenAction = (a: CrisisAction): boolean => a.status === 'a_faire' || a.status === 'en_cours';

export const findDecision = (state: DecisionsState, id: string): Decision | undefined => state.decisions.find((d) => d.id === id);
export const findAction = (state: DecisionsState, id: string): CrisisAction | undefined => state.actions.find((a) => a.id === id);
