import { defineSentence, quote, type SentenceContext } from '../core/sentence.js';
import { formatDue } from './due.js';
import { actionCommented, actionCreated, actionDueChanged, actionOthersAllowed, actionOverdue, actionReassigned, actionStatusChanged, decisionRecorded } from './events.js';
import { actionPriorityLabels } from './labels.js';

/** An action by its title (its id only when the audience never saw it created). */
function actionSaid(c: SentenceContext, id: string): string {
  const action = c.state.decisions.actions.find((a) => a.id === id);
  return action ? `l'action ${quote(action.title, 120)}` : `l'action ${id}`;
}

const ownerSaid = (c: SentenceContext, cell: string, name: string | null) => `${c.cell(cell)}${name ? ` (${name})` : ''}`;

/** The decisions board in words: decisions and actions by their titles, cells by their labels. */
export const decisionSentences = [
  defineSentence(decisionRecorded, (p, c, e) => {
    const replaced = p.supersedes ? c.state.decisions.decisions.find((d) => d.id === p.supersedes) : undefined;
    const supersedes = p.supersedes ? `, en remplacement de la décision ${replaced ? quote(replaced.title, 120) : p.supersedes}` : '';
    const actions = p.actionIds.length > 0 ? ` ; ${p.actionIds.length} action(s) en découle(nt)` : '';
    return `${c.who} décide${p.cell && p.cell !== e.actor.cell ? ` pour ${c.cell(p.cell)}` : ''} : ${quote(p.title, 160)}${p.rationale.trim() ? ` — motif : ${quote(p.rationale, 160)}` : ''}${supersedes}${actions}`;
  }),
  defineSentence(actionCreated, (p, c) => {
    const details = [p.due ? `échéance ${formatDue(p.due)}` : null, p.priority === 'normale' ? null : `priorité ${actionPriorityLabels[p.priority]}`].filter(Boolean);
    return `${c.who} confie l'action ${quote(p.title, 120)} à ${ownerSaid(c, p.ownerCell, p.ownerName)}${details.length ? `, ${details.join(', ')}` : ''}`;
  }),
  defineSentence(actionStatusChanged, (p, c) => {
    const action = actionSaid(c, p.id);
    switch (p.status) {
      case 'a_faire':
        return `${c.who} rouvre ${action} (à faire)`;
      case 'en_cours':
        return `${c.who} commence ${action} (en cours)`;
      case 'faite':
        return `${c.who} marque ${action} comme faite`;
      case 'abandonnee':
        return `${c.who} abandonne ${action}${p.reason ? ` — motif : ${quote(p.reason)}` : ''}`;
    }
  }),
  defineSentence(actionReassigned, (p, c) => `${c.who} réassigne ${actionSaid(c, p.id)} à ${ownerSaid(c, p.ownerCell, p.ownerName)}`),
  defineSentence(actionCommented, (p, c) => `${c.who} commente ${actionSaid(c, p.id)} : ${quote(p.text)}`),
  defineSentence(actionDueChanged, (p, c) => (p.due ? `${c.who} fixe l'échéance de ${actionSaid(c, p.id)} à ${formatDue(p.due)}` : `${c.who} retire l'échéance de ${actionSaid(c, p.id)}`)),
  defineSentence(actionOthersAllowed, (p, c) => (p.allowed ? `${c.who} ouvre ${actionSaid(c, p.id)} à toutes les cellules` : `${c.who} réserve ${actionSaid(c, p.id)} à sa cellule pilote`)),
  defineSentence(actionOverdue, (p, c) => {
    const action = c.state.decisions.actions.find((a) => a.id === p.id);
    return `${action ? `L'action ${quote(action.title, 120)} (${c.cell(action.ownerCell)})` : `L'action ${p.id}`} est en retard : échéance ${formatDue(p.due)} dépassée`;
  }),
];
