import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import { CellId } from '../core/roles.js';
import { limits } from '../core/limits.js';
import type { RoomState } from '../room-state.js';
import type { ActionStep, CrisisAction, DecisionAuthor, DecisionsState, Stamp } from './state.js';
import { formatDue } from './due.js';
import { actionStatusLabels } from './labels.js';

/**
 * Events of the decisions and actions board, all visible to the whole room: the board is what every cell
 * must see to know who does what by when. Reducers ignore an id they do not know, so a replay never throws.
 */
export const DecisionId = z.string().regex(/^D[0-9]{1,6}$/, 'identifiant de décision attendu (D1, D2…)');
export const ActionId = z.string().regex(/^A[0-9]{1,6}$/, "identifiant d'action attendu (A1, A2…)");
export const ActionStatus = z.enum(['a_faire', 'en_cours', 'faite', 'abandonnee']);
export const ActionPriority = z.enum(['haute', 'normale', 'basse']);
export const Due = z.object({ clock: z.enum(['exercise', 'wall']), at: z.number().int() }).nullable();
const Ref = z.string().trim().min(1).max(80);
/** What a participant may name as an action's origin (a decision's actions are created with the decision). */
export const FreeActionSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stimulus'), id: Ref }),
  z.object({ kind: z.literal('alertLink'), id: Ref }),
  z.object({ kind: z.literal('libre') }),
]);
export const ActionSource = z.discriminatedUnion('kind', [z.object({ kind: z.literal('decision'), id: DecisionId }), z.object({ kind: z.literal('scenario'), id: Ref }), ...FreeActionSource.options]);
export const OwnerName = z.string().trim().min(1).max(limits.maxNameLength);

const authorOf = (event: RoomEvent): DecisionAuthor => ({ name: event.actor.name, role: event.actor.role ?? 'director', cell: event.actor.cell ?? null });
const stampOf = (event: RoomEvent): Stamp => ({ wallTime: event.wallTime, exerciseTime: event.exerciseTime });
const stepOf = (event: RoomEvent, change: string): ActionStep => ({ by: authorOf(event), change, at: stampOf(event) });

function withDecisions(state: RoomState, change: (d: DecisionsState) => DecisionsState): RoomState {
  return { ...state, decisions: change(state.decisions) };
}

function updateAction(state: RoomState, id: string, change: (a: CrisisAction) => CrisisAction): RoomState {
  return withDecisions(state, (d) => ({ ...d, actions: d.actions.map((a) => (a.id === id ? change(a) : a)) }));
}

export const DecisionRecordedPayload = z.object({
  id: DecisionId,
  title: z.string(),
  rationale: z.string(),
  cell: CellId.nullable(),
  supersedes: DecisionId.nullable(),
  actionIds: z.array(ActionId),
});
export const decisionRecorded = defineEvent({
  type: 'decision.recorded',
  description: 'Une cellule enregistre une décision : qui a décidé, pourquoi, les actions qui en découlent ; elle peut en remplacer une antérieure (qui reste au dossier).',
  payload: DecisionRecordedPayload,
  apply: (state, p, event) =>
    withDecisions(state, (d) => {
      if (d.decisions.some((x) => x.id === p.id)) return d;
      const decisions = d.decisions.map((x) => (x.id === p.supersedes && x.supersededBy === null ? { ...x, supersededBy: p.id } : x));
      return { ...d, decisions: [...decisions, { ...p, by: authorOf(event), at: stampOf(event), supersededBy: null, ...(event.actor.sessionId ? { bySession: event.actor.sessionId } : {}) }] };
    }),
});

export const ActionCreatedPayload = z.object({
  id: ActionId,
  title: z.string(),
  details: z.string(),
  ownerCell: CellId,
  ownerName: z.string().nullable(),
  due: Due,
  priority: ActionPriority,
  source: ActionSource,
});
export const actionCreated = defineEvent({
  type: 'action.created',
  description: "Une action (tâche) est créée : cellule pilote, échéance (heure d'exercice en exercice, heure réelle en crise), priorité, origine.",
  payload: ActionCreatedPayload,
  apply: (state, p, event) =>
    withDecisions(state, (d) => {
      if (d.actions.some((a) => a.id === p.id)) return d;
      const action: CrisisAction = {
        ...p,
        status: 'a_faire',
        abandonReason: null,
        createdBy: authorOf(event),
        createdAt: stampOf(event),
        doneAt: null,
        overdueAt: null,
        comments: [],
        history: [stepOf(event, 'créée')],
        othersAllowed: false,
      };
      return { ...d, actions: [...d.actions, action] };
    }),
});

export const actionStatusChanged = defineEvent({
  type: 'action.statusChanged',
  description: "Le statut d'une action change (à faire, en cours, faite, abandonnée avec son motif, ou rouverte par la direction).",
  payload: z.object({ id: ActionId, status: ActionStatus, reason: z.string().nullable() }),
  apply: (state, p, event) =>
    updateAction(state, p.id, (a) => ({
      ...a,
      status: p.status,
      abandonReason: p.status === 'abandonnee' ? p.reason : null,
      doneAt: p.status === 'faite' ? stampOf(event) : p.status === 'abandonnee' ? a.doneAt : null,
      history: [...a.history, stepOf(event, `statut : ${actionStatusLabels[p.status]}${p.reason ? ` (${p.reason})` : ''}`)],
    })),
});

export const actionReassigned = defineEvent({
  type: 'action.reassigned',
  description: 'Une action est réassignée à une autre cellule (et éventuellement à une personne nommée) : étape tracée.',
  payload: z.object({ id: ActionId, ownerCell: CellId, ownerName: z.string().nullable() }),
  apply: (state, p, event) =>
    updateAction(state, p.id, (a) => ({
      ...a,
      ownerCell: p.ownerCell,
      ownerName: p.ownerName,
      history: [...a.history, stepOf(event, `réassignée à ${p.ownerCell}${p.ownerName ? ` (${p.ownerName})` : ''}`)],
    })),
});

export const actionCommented = defineEvent({
  type: 'action.commented',
  description: 'Un commentaire est ajouté à une action.',
  payload: z.object({ id: ActionId, text: z.string() }),
  apply: (state, p, event) => updateAction(state, p.id, (a) => ({ ...a, comments: [...a.comments, { by: authorOf(event), text: p.text, at: stampOf(event) }] })),
});

/** A new due time is a new deadline: the action may be declared overdue again against it. */
export const actionDueChanged = defineEvent({
  type: 'action.dueChanged',
  description: "L'échéance d'une action change (ou est retirée) ; un retard constaté reste dans le journal.",
  payload: z.object({ id: ActionId, due: Due }),
  apply: (state, p, event) =>
    updateAction(state, p.id, (a) => ({ ...a, due: p.due, overdueAt: null, history: [...a.history, stepOf(event, p.due ? `échéance : ${formatDue(p.due)}` : 'échéance retirée')] })),
});

export const actionOthersAllowed = defineEvent({
  type: 'action.othersAllowed',
  description: "La direction autorise (ou non) toute cellule à mettre à jour une action qui n'est pas la sienne.",
  payload: z.object({ id: ActionId, allowed: z.boolean() }),
  apply: (state, p, event) =>
    updateAction(state, p.id, (a) => ({ ...a, othersAllowed: p.allowed, history: [...a.history, stepOf(event, p.allowed ? 'ouverte aux autres cellules' : 'réservée à la cellule pilote')] })),
});

export const actionOverdue = defineEvent({
  type: 'action.overdue',
  description: "Le serveur constate qu'une action ouverte a dépassé son échéance (une fois par échéance).",
  payload: z.object({ id: ActionId, due: z.object({ clock: z.enum(['exercise', 'wall']), at: z.number().int() }) }),
  apply: (state, p, event) => updateAction(state, p.id, (a) => (a.overdueAt ? a : { ...a, overdueAt: stampOf(event) })),
});

export const decisionsEvents = [decisionRecorded, actionCreated, actionStatusChanged, actionReassigned, actionCommented, actionDueChanged, actionOthersAllowed, actionOverdue];
