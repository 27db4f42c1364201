import type { RoomState } from '../room-state.js';
import { finishedLate } from './due.js';
import { isOpenAction, type CrisisAction, type DecisionsState } from './state.js';

/**
 * The measures of decisions and actions, one definition for the live board, the evaluation grid and the
 * RETEX report: time to the first decision (from T0 / DEBEX), and per owner cell the actions done on time,
 * done late, abandoned, still open and still open past their due time (as the server flagged them).
 */
export interface CellActionMeasures {
  cell: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  abandoned: number;
  open: number;
  openOverdue: number;
}

export interface DecisionMeasures {
  decisions: number;
  /** Exercise time of the first decision (ms after T0), null when none was recorded. */
  timeToFirstDecision: number | null;
  actions: number;
  openOverdue: number;
  byCell: CellActionMeasures[];
}

/** Open actions the server declared overdue: the header's « 2 actions en retard ». */
export const openOverdueActions = (state: DecisionsState): CrisisAction[] => state.actions.filter((a) => isOpenAction(a) && a.overdueAt !== null);

function cellMeasures(cell: string, actions: readonly CrisisAction[]): CellActionMeasures {
  const done = actions.filter((a) => a.status === 'faite');
  return {
    cell,
    total: actions.length,
    doneOnTime: done.filter((a) => !finishedLate(a)).length,
    doneLate: done.filter(finishedLate).length,
    abandoned: actions.filter((a) => a.status === 'abandonnee').length,
    open: actions.filter(isOpenAction).length,
    openOverdue: actions.filter((a) => isOpenAction(a) && a.overdueAt !== null).length,
  };
}

/** The measures of the board, per cell in the room's order of cells (then any other owner cell). */
export function decisionMeasures(state: Pick<RoomState, 'decisions' | 'room'>): DecisionMeasures {
  const { decisions, actions } = state.decisions;
  const cells = [...new Set([...state.room.cells.map((c) => c.id), ...actions.map((a) => a.ownerCell)])];
  const first = decisions.reduce<number | null>((min, d) => (min === null || d.at.exerciseTime < min ? d.at.exerciseTime : min), null);
  return {
    decisions: decisions.length,
    timeToFirstDecision: first,
    actions: actions.length,
    openOverdue: openOverdueActions(state.decisions).length,
    byCell: cells.map((cell) =>
      cellMeasures(
        cell,
        actions.filter((a) => a.ownerCell === cell),
      ),
    ),
  };
}

const inMinutes = (ms: number) => Math.round(ms / 60_000);

/** Plain-language findings for the RETEX ("la cellule Préfecture a terminé 2 actions en retard"). */
export function decisionSuggestions(m: DecisionMeasures, cellLabel: (cell: string) => string): string[] {
  const out: string[] = [];
  if (m.timeToFirstDecision === null) out.push('Aucune décision enregistrée au tableau des décisions.');
  for (const c of m.byCell) {
    if (c.doneLate > 0) out.push(`${cellLabel(c.cell)} : ${c.doneLate} action(s) terminée(s) après l'échéance.`);
    if (c.openOverdue > 0) out.push(`${cellLabel(c.cell)} : ${c.openOverdue} action(s) toujours ouverte(s) après l'échéance.`);
    if (c.abandoned > 0) out.push(`${cellLabel(c.cell)} : ${c.abandoned} action(s) abandonnée(s).`);
  }
  return out;
}

/** `12 min` after T0, for the report's one line. */
export const firstDecisionText = (m: DecisionMeasures): string => (m.timeToFirstDecision === null ? 'aucune décision' : `${inMinutes(m.timeToFirstDecision)} min après T0`);
