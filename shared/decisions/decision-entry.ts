import { limits } from '../core/limits.js';
import type { ReceivedEntry } from '../main-courante/entry.js';
import type { RoomState } from '../room-state.js';
import { formatDue } from './due.js';
import { findAction, type Decision } from './state.js';

/** A decision as the decider's main courante entry (type `decision`), with the server's receipt. */
export type DecisionEntry = ReceivedEntry;

/** The main courante entry id of decision `D3`. */
export const decisionEntryId = (decisionId: string) => `decision-${decisionId}`;

/**
 * A cell as people read it: its label's part before « — » (« Préfecture — liaison COD » → « Préfecture »), as the
 * room's sentences say it; a cell id is the room's internal name.
 */
function cellLabelIn(room: RoomState['room'], id: string): string {
  const label = room.cells.find((c) => c.id === id)?.label;
  return label ? label.split(' — ')[0]?.trim() || label : id;
}

function textOf(state: Pick<RoomState, 'decisions' | 'room'>, d: Decision): string {
  const board = state.decisions;
  const actions = d.actionIds.flatMap((id) => {
    const a = findAction(board, id);
    return a ? [`${a.id} ${a.title} (${cellLabelIn(state.room, a.ownerCell)}${a.ownerName ? `, ${a.ownerName}` : ''}${a.due ? `, échéance ${formatDue(a.due)}` : ''})`] : [];
  });
  const parts = [`[${d.id}] ${d.title}`, `Motif : ${d.rationale}`];
  if (d.supersedes) parts.push(`Remplace la décision ${d.supersedes}.`);
  if (actions.length > 0) parts.push(`Actions : ${actions.join(' ; ')}`);
  return parts.join(' — ').slice(0, limits.maxTextLength);
}

/**
 * Every decision as its entry in the main courante: a decision is a main courante record, written by the
 * server into the document (entries are the document's) in the decider's name, then mirrored into the log
 * like any entry. Pure: the server writes those whose id the document does not hold yet.
 */
export function decisionEntries(state: Pick<RoomState, 'decisions' | 'room'>): DecisionEntry[] {
  return state.decisions.decisions.map((d) => ({
    entry: {
      id: decisionEntryId(d.id),
      type: 'decision',
      text: textOf(state, d),
      sessionId: d.bySession ?? `decision-${d.id}`,
      author: d.by.name.slice(0, limits.maxNameLength),
      role: d.by.role,
      cell: d.by.cell,
      authoredAt: d.at.wallTime,
      authoredExerciseTime: d.at.exerciseTime,
      significant: false,
      corrects: null,
      links: {},
    },
    receipt: { receivedAt: d.at.wallTime, receivedExerciseTime: d.at.exerciseTime, late: false },
  }));
}
