import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import type { DomainError } from '../core/errors.js';
import type { EventDraft } from '../core/events.js';
import { limits } from '../core/limits.js';
import { CellId } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { dueClockOf } from './due.js';
import {
  ActionId,
  ActionPriority,
  FreeActionSource,
  ActionStatus,
  DecisionId,
  OwnerName,
  actionCommented,
  actionCreated,
  actionDueChanged,
  actionOthersAllowed,
  actionReassigned,
  actionStatusChanged,
  decisionRecorded,
} from './events.js';
import { allowOthersRefusal, commentRefusal, createRefusal, decidingCell, dueRefusal, reassignRefusal, recordRefusal, statusRefusal } from './rules.js';
import type { ActionSource as Source } from './state.js';

/**
 * Commands of the decisions and actions board. Who may do what is decided in `rules.ts` (shared with the UI);
 * here each command checks it, then records its events. Nothing is edited: every change is an event.
 */
function refuse(error: DomainError | null): void {
  if (error) throw error;
}

const Title = z.string().trim().min(1, 'le titre est obligatoire').max(limits.maxTitleLength);
const Details = z.string().trim().max(limits.maxTextLength);
/** Exercise ms in an exercise (`T+…`), epoch ms in a crisis (the room's mode says which). */
const DueAt = z.number().int().min(0);

export const ActionDraft = z.object({
  title: Title,
  details: Details.optional(),
  ownerCell: CellId,
  ownerName: OwnerName.optional(),
  dueAt: DueAt.optional(),
  priority: ActionPriority.optional(),
});
export type ActionDraft = z.infer<typeof ActionDraft>;

/** The `action.created` drafts of `actions`, numbered after the room's last action. */
function createdDrafts(state: RoomState, actions: readonly ActionDraft[], source: (id: string) => Source): EventDraft[] {
  const clock = dueClockOf(state.room.mode);
  return actions.map((a, i) => {
    const id = `A${state.decisions.actions.length + i + 1}`;
    const due = a.dueAt === undefined ? null : { clock, at: a.dueAt };
    const payload = { id, title: a.title, details: a.details ?? '', ownerCell: a.ownerCell, ownerName: a.ownerName ?? null, due, priority: a.priority ?? 'normale', source: source(id) };
    return actionCreated.draft(payload, 'all');
  });
}

export const recordDecision = defineCommand({
  type: 'decision.record',
  description: 'Enregistrer une décision de sa cellule (la direction : de toute cellule), son motif et les actions qui en découlent ; elle peut remplacer une décision antérieure.',
  payload: z.object({
    title: Title,
    rationale: z.string().trim().min(1, 'le motif est obligatoire').max(limits.maxTextLength),
    cell: CellId.optional(),
    supersedes: DecisionId.optional(),
    actions: z.array(ActionDraft).max(10).default([]),
  }),
  allowed: ['director', 'player'],
  example: {
    title: 'Déclencher le plan blanc du CH d’Avranches',
    rationale: 'Urgences en mode dégradé, SIH indisponible depuis 7 h.',
    actions: [{ title: 'Informer le COD de la Préfecture', ownerCell: 'prefecture', dueAt: 1_800_000, priority: 'haute' }],
  },
  decide: ({ state, actor, payload }) => {
    refuse(
      recordRefusal(
        state,
        actor,
        payload.cell,
        payload.supersedes,
        payload.actions.map((a) => a.ownerCell),
      ),
    );
    const id = `D${state.decisions.decisions.length + 1}`;
    const actions = createdDrafts(state, payload.actions, () => ({ kind: 'decision', id }));
    const actionIds = actions.map((d) => (actionCreated.is(d) ? d.payload.id : ''));
    const decision = { id, title: payload.title, rationale: payload.rationale, cell: decidingCell(actor, payload.cell), supersedes: payload.supersedes ?? null, actionIds };
    return [decisionRecorded.draft(decision, 'all'), ...actions];
  },
});

export const createAction = defineCommand({
  type: 'action.create',
  description: "Créer une action hors décision : sur un stimulus, une étape de la chaîne d'alerte, ou libre.",
  payload: ActionDraft.extend({ source: FreeActionSource.optional() }),
  allowed: ['director', 'player'],
  example: { title: 'Rappeler le directeur de garde du CH de Granville', ownerCell: 'ars', ownerName: 'Cadre ARS', source: { kind: 'libre' } },
  decide: ({ state, actor, payload }) => {
    refuse(createRefusal(state, actor, payload.ownerCell));
    const source: Source = payload.source ?? { kind: 'libre' };
    return createdDrafts(state, [payload], () => source);
  },
});

export const setActionStatus = defineCommand({
  type: 'action.setStatus',
  description: "Changer le statut d'une action de sa cellule : en cours, faite, abandonnée (motif obligatoire) ; la direction peut rouvrir une action close.",
  payload: z.object({ id: ActionId, status: ActionStatus, reason: z.string().trim().max(2000).optional() }),
  allowed: ['director', 'player'],
  example: { id: 'A1', status: 'faite' },
  decide: ({ state, actor, payload }) => {
    refuse(statusRefusal(state, actor, payload.id, payload.status, payload.reason));
    return [actionStatusChanged.draft({ id: payload.id, status: payload.status, reason: payload.reason || null }, 'all')];
  },
});

export const reassignAction = defineCommand({
  type: 'action.reassign',
  description: 'Réassigner une action à une autre cellule (et éventuellement à une personne nommée) : étape tracée.',
  payload: z.object({ id: ActionId, ownerCell: CellId, ownerName: OwnerName.optional() }),
  allowed: ['director', 'player'],
  example: { id: 'A1', ownerCell: 'prefecture', ownerName: 'SIDPC' },
  decide: ({ state, actor, payload }) => {
    const ownerName = payload.ownerName ?? null;
    refuse(reassignRefusal(state, actor, payload.id, payload.ownerCell, ownerName));
    return [actionReassigned.draft({ id: payload.id, ownerCell: payload.ownerCell, ownerName }, 'all')];
  },
});

export const commentAction = defineCommand({
  type: 'action.comment',
  description: 'Commenter une action (toute cellule, et la direction).',
  payload: z.object({ id: ActionId, text: z.string().trim().min(1, 'commentaire vide').max(limits.maxTextLength) }),
  allowed: ['director', 'player'],
  example: { id: 'A1', text: 'COD joint à 10 h 12, rappel prévu à 11 h.' },
  decide: ({ state, actor, payload }) => {
    refuse(commentRefusal(state, actor, payload.id));
    return [actionCommented.draft(payload, 'all')];
  },
});

export const setActionDue = defineCommand({
  type: 'action.setDue',
  description: "Changer l'échéance d'une action (heure d'exercice en exercice, heure réelle en crise) ou la retirer (null).",
  payload: z.object({ id: ActionId, dueAt: DueAt.nullable() }),
  allowed: ['director', 'player'],
  example: { id: 'A1', dueAt: 3_600_000 },
  decide: ({ state, actor, payload }) => {
    refuse(dueRefusal(state, actor, payload.id));
    const due = payload.dueAt === null ? null : { clock: dueClockOf(state.room.mode), at: payload.dueAt };
    return [actionDueChanged.draft({ id: payload.id, due }, 'all')];
  },
});

export const allowOthers = defineCommand({
  type: 'action.allowOthers',
  description: 'La direction autorise toute cellule à mettre à jour une action (statut, réassignation, échéance), ou le retire.',
  payload: z.object({ id: ActionId, allowed: z.boolean() }),
  allowed: ['director'],
  example: { id: 'A1', allowed: true },
  decide: ({ state, actor, payload }) => {
    refuse(allowOthersRefusal(state, actor, payload.id, payload.allowed));
    return [actionOthersAllowed.draft(payload, 'all')];
  },
});

export const decisionsCommands = [recordDecision, createAction, setActionStatus, reassignAction, commentAction, setActionDue, allowOthers];
