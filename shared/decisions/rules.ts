import { DomainError, conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { actionStatusLabels } from './labels.js';
import { findAction, findDecision, isOpenAction, type ActionStatus, type CrisisAction } from './state.js';

/**
 * Who may decide and who may change which action. Shared by the commands (which throw the refusal) and the
 * client (which disables the button and shows the refusal as its tooltip), so the two never disagree.
 * - a player records decisions for their own cell, and may hand actions to any cell;
 * - a player changes the status of the actions their cell owns; reassigns or re-times those their cell owns
 *   or created; any action the director opened to every cell (`othersAllowed`);
 * - the director decides for any cell and changes any action; only the director reopens a closed one.
 * Observers and evaluators change nothing (the permission matrix already refuses them).
 */
export interface DecisionViewer {
  role: Role;
  cell?: string | undefined;
}

const knownCell = (state: RoomState, cell: string) => state.room.cells.some((c) => c.id === cell);

function cellRefusal(state: RoomState, cell: string): DomainError | null {
  return knownCell(state, cell) ? null : notFound(`Cellule « ${cell} » inconnue dans cette salle.`);
}

function startedRefusal(state: RoomState): DomainError | null {
  return state.clock.status === 'not_started' ? conflict("L'exercice n'a pas démarré (DEBEX) : décisions et actions partent de T0.") : null;
}

function roleRefusal(viewer: DecisionViewer): DomainError | null {
  if (viewer.role === 'director') return null;
  if (viewer.role !== 'player') return forbidden('Observateurs et évaluateurs consultent les décisions et les actions sans les modifier.');
  return viewer.cell ? null : forbidden("Votre session n'est rattachée à aucune cellule.");
}

/** The cell a decision is recorded for: the one named (director), or the player's own. */
export const decidingCell = (viewer: DecisionViewer, cell: string | undefined): string | null => cell ?? viewer.cell ?? null;

/** Why `viewer` may not record a decision for `cell` (superseding `supersedes`), or null. */
export function recordRefusal(state: RoomState, viewer: DecisionViewer, cell: string | undefined, supersedes: string | undefined, ownerCells: readonly string[]): DomainError | null {
  const refusal = roleRefusal(viewer) ?? startedRefusal(state);
  if (refusal) return refusal;
  const deciding = decidingCell(viewer, cell);
  if (viewer.role === 'player' && deciding !== viewer.cell) return forbidden(`Une cellule n'enregistre que ses propres décisions : « ${deciding} » n'est pas la vôtre.`);
  if (deciding) {
    const unknown = cellRefusal(state, deciding);
    if (unknown) return unknown;
  }
  for (const owner of ownerCells) {
    const unknown = cellRefusal(state, owner);
    if (unknown) return unknown;
  }
  if (supersedes === undefined) return null;
  const old = findDecision(state.decisions, supersedes);
  if (!old) return notFound(`Décision « ${supersedes} » inconnue.`);
  if (old.supersededBy) return conflict(`La décision ${old.id} a déjà été remplacée par ${old.supersededBy} : remplacez plutôt celle-ci.`);
  if (viewer.role === 'player' && old.cell !== viewer.cell)
    return forbidden(`La décision ${old.id} est celle de la cellule « ${old.cell ?? 'direction'} » : seule elle (ou la direction) peut la remplacer.`);
  return null;
}

/** Why `viewer` may not create an action owned by `ownerCell`, or null. Any cell may hand an action to another. */
export function createRefusal(state: RoomState, viewer: DecisionViewer, ownerCell: string): DomainError | null {
  return roleRefusal(viewer) ?? startedRefusal(state) ?? cellRefusal(state, ownerCell);
}

function actionOrRefusal(state: RoomState, id: string): CrisisAction | DomainError {
  return findAction(state.decisions, id) ?? notFound(`Action « ${id} » inconnue.`);
}

const isAction = (value: CrisisAction | DomainError): value is CrisisAction => !(value instanceof DomainError);

/**
 * Whether a player of `viewer.cell` may update `action`: for a status, the owner cell; for a reassignment or
 * a due time, the owner or the creating cell (who handed it out may take it back or re-time it).
 */
function updaterRefusal(viewer: DecisionViewer, action: CrisisAction, what: 'status' | 'plan'): DomainError | null {
  const refusal = roleRefusal(viewer);
  if (refusal || viewer.role === 'director' || action.othersAllowed) return refusal;
  if (action.ownerCell === viewer.cell) return null;
  if (what === 'plan' && action.createdBy.cell === viewer.cell) return null;
  return forbidden(`L'action ${action.id} est pilotée par la cellule « ${action.ownerCell} » : seule elle (ou la direction, ou toute cellule si la direction l'autorise) peut la mettre à jour.`);
}

const transitions: Record<ActionStatus, readonly ActionStatus[]> = {
  a_faire: ['en_cours', 'faite', 'abandonnee'],
  en_cours: ['faite', 'abandonnee'],
  faite: [],
  abandonnee: [],
};

/**
 * Why `viewer` may not move action `id` to `status`, or null. à faire → en cours → faite, à faire | en cours
 * → abandonnée (with its reason); a closed action is reopened (→ en cours) by the director only.
 */
export function statusRefusal(state: RoomState, viewer: DecisionViewer, id: string, status: ActionStatus, reason: string | undefined): DomainError | null {
  const action = actionOrRefusal(state, id);
  if (!isAction(action)) return action;
  const refusal = updaterRefusal(viewer, action, 'status');
  if (refusal) return refusal;
  if (action.status === status) return conflict(`L'action ${action.id} est déjà « ${actionStatusLabels[status]} ».`);
  if (!isOpenAction(action)) {
    if (status !== 'en_cours') return conflict(`L'action ${action.id} est close (« ${actionStatusLabels[action.status]} ») : elle se rouvre en « en cours ».`);
    return viewer.role === 'director' ? null : forbidden('Seule la direction rouvre une action close.');
  }
  if (!transitions[action.status].includes(status)) return conflict(`Passage de « ${actionStatusLabels[action.status]} » à « ${actionStatusLabels[status]} » impossible.`);
  if (status === 'abandonnee' && !reason?.trim()) return invalid("Le motif d'abandon est obligatoire.");
  return null;
}

/** Why `viewer` may not reassign action `id` to `ownerCell` (`ownerName`), or null. */
export function reassignRefusal(state: RoomState, viewer: DecisionViewer, id: string, ownerCell: string, ownerName: string | null): DomainError | null {
  const action = actionOrRefusal(state, id);
  if (!isAction(action)) return action;
  const refusal = updaterRefusal(viewer, action, 'plan') ?? cellRefusal(state, ownerCell);
  if (refusal) return refusal;
  if (!isOpenAction(action)) return conflict(`L'action ${action.id} est close : elle ne se réassigne plus.`);
  if (action.ownerCell === ownerCell && action.ownerName === ownerName) return conflict(`L'action ${action.id} est déjà assignée ainsi.`);
  return null;
}

/** Why `viewer` may not change the due time of action `id`, or null. */
export function dueRefusal(state: RoomState, viewer: DecisionViewer, id: string): DomainError | null {
  const action = actionOrRefusal(state, id);
  if (!isAction(action)) return action;
  const refusal = updaterRefusal(viewer, action, 'plan');
  if (refusal) return refusal;
  return isOpenAction(action) ? null : conflict(`L'action ${action.id} est close : son échéance ne change plus.`);
}

/** Why `viewer` may not comment action `id`, or null: any cell may comment (it is how cells talk about it). */
export function commentRefusal(state: RoomState, viewer: DecisionViewer, id: string): DomainError | null {
  const action = actionOrRefusal(state, id);
  if (!isAction(action)) return action;
  return roleRefusal(viewer);
}

/** Why `viewer` may not open (or close) action `id` to every cell, or null: the director only. */
export function allowOthersRefusal(state: RoomState, viewer: DecisionViewer, id: string, allowed: boolean): DomainError | null {
  if (viewer.role !== 'director') return forbidden('Seule la direction autorise une autre cellule à mettre à jour une action.');
  const action = actionOrRefusal(state, id);
  if (!isAction(action)) return action;
  return (action.othersAllowed ?? false) === allowed ? conflict(allowed ? 'Cette action est déjà ouverte à toutes les cellules.' : "Cette action n'est ouverte qu'à sa cellule pilote.") : null;
}
