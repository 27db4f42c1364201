import type { Participant } from '../core/define.js';
import { conflict, forbidden, notFound } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { findPoint, sitrepWriterCells, type SitrepPoint, type SitrepStatus } from './state.js';

/**
 * Who does what with a point de situation: one rule each, asked by the commands, the Yjs document kind and
 * the client's buttons alike.
 */
interface Someone {
  role: Role;
  cell?: string | null | undefined;
}

/** Writers of the summary: the players of the ARS and the Préfecture, and the director. */
export function writesSitrep(actor: Someone): boolean {
  return actor.role === 'director' || (actor.role === 'player' && typeof actor.cell === 'string' && sitrepWriterCells.includes(actor.cell));
}

/** Validators: the players of the designated cell (the Préfecture by default); the director may always. */
export function validatesSitrep(actor: Someone, state: RoomState): boolean {
  return actor.role === 'director' || (actor.role === 'player' && actor.cell === state.sitrep.validatorCell);
}

export function requireSitrepWriter(actor: Participant): void {
  if (!writesSitrep(actor)) throw forbidden('Seuls l’ARS, la Préfecture et le directeur rédigent les points de situation.');
}

export function requireSitrepValidator(actor: Participant, state: RoomState): void {
  if (!validatesSitrep(actor, state)) throw forbidden(`Seule la cellule « ${state.sitrep.validatorCell} » valide les points de situation.`);
}

const statusWords: Record<SitrepStatus, string> = { brouillon: 'en brouillon', soumis: 'soumis', valide: 'validé', fige: 'figé' };

/** Point n, in one of `statuses`; a frozen point is refused whatever the step: it never changes. */
export function pointIn(state: RoomState, n: number, statuses: readonly SitrepStatus[]): SitrepPoint {
  const point = findPoint(state.sitrep, n);
  if (!point) throw notFound(`Point de situation n°${n} introuvable.`);
  if (statuses.includes(point.status)) return point;
  if (point.status === 'fige') throw conflict(`Le point de situation n°${n} est figé : il ne peut plus changer.`);
  throw conflict(`Le point de situation n°${n} est ${statusWords[point.status]} : cette étape ne s’applique pas.`);
}
