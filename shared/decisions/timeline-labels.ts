import type { RoomEvent } from '../core/events.js';
import { formatDue } from './due.js';
import { actionCommented, actionCreated, actionDueChanged, actionOthersAllowed, actionOverdue, actionReassigned, actionStatusChanged, decisionRecorded } from './events.js';
import { actionStatusLabels } from './labels.js';

/** The RETEX chronology's sentence for an event of the decisions board, or null for any other event. */
export function decisionTimelineLabel(event: RoomEvent): string | null {
  if (decisionRecorded.is(event)) {
    const p = event.payload;
    const actions = p.actionIds.length > 0 ? ` (${p.actionIds.length} action(s) : ${p.actionIds.join(', ')})` : '';
    return `Décision ${p.id}${p.cell ? ` de la cellule ${p.cell}` : ''} : ${p.title}${p.supersedes ? `, remplace ${p.supersedes}` : ''}${actions}`;
  }
  if (actionCreated.is(event)) {
    const p = event.payload;
    return `Action ${p.id} confiée à ${p.ownerCell}${p.ownerName ? ` (${p.ownerName})` : ''} : ${p.title}${p.due ? `, échéance ${formatDue(p.due)}` : ''}`;
  }
  if (actionStatusChanged.is(event)) {
    const p = event.payload;
    return `Action ${p.id} ${actionStatusLabels[p.status]}${p.reason ? ` — motif : ${p.reason}` : ''}`;
  }
  if (actionReassigned.is(event)) return `Action ${event.payload.id} réassignée à ${event.payload.ownerCell}${event.payload.ownerName ? ` (${event.payload.ownerName})` : ''}`;
  if (actionCommented.is(event)) return `Commentaire sur l'action ${event.payload.id} : ${event.payload.text.slice(0, 120)}`;
  if (actionDueChanged.is(event)) return `Échéance de l'action ${event.payload.id} : ${event.payload.due ? formatDue(event.payload.due) : 'retirée'}`;
  if (actionOthersAllowed.is(event)) return `Action ${event.payload.id} ${event.payload.allowed ? 'ouverte à toutes les cellules' : 'réservée à sa cellule pilote'} par la direction`;
  if (actionOverdue.is(event)) return `Action ${event.payload.id} en retard (échéance ${formatDue(event.payload.due)})`;
  return null;
}
