import type { Participant } from '../core/define.js';
import { forbidden, notFound } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import type { Draft, Signer } from './draft.js';

/**
 * Who writes the crisis cell's shared documents (main courante, comms drafts): the players; the director
 * too in a real crisis, where it is the crisis director. In an exercise the director is the animator, who
 * plays the outside world and must not write in the players' documents.
 */
export function writesSharedDocs(actor: { role: Role }, state: RoomState): boolean {
  return actor.role === 'player' || (actor.role === 'director' && state.room.mode === 'crisis');
}

/** Validators: the players of the validating cell (the Préfecture by default); the crisis director in a real crisis. */
export function validatesComms(actor: { role: Role; cell?: string | undefined }, state: RoomState): boolean {
  if (actor.role === 'player') return actor.cell === state.comms.validatorCell;
  return actor.role === 'director' && state.room.mode === 'crisis';
}

export function findDraft(state: RoomState, draftId: string): Draft {
  const draft = state.comms.drafts.find((d) => d.id === draftId);
  if (!draft) throw notFound(`Brouillon « ${draftId} » introuvable.`);
  return draft;
}

export function requireWriter(actor: Participant, state: RoomState): void {
  if (!writesSharedDocs(actor, state)) throw forbidden('Seuls les joueurs (et le directeur de crise) rédigent la communication.');
}

export function requireValidator(actor: Participant, state: RoomState): void {
  if (!validatesComms(actor, state)) {
    throw forbidden(`Seule la cellule « ${state.comms.validatorCell} » valide la communication publique.`);
  }
}

export const signerOf = (actor: Participant): Signer => ({ sessionId: actor.sessionId, name: actor.name, cell: actor.cell ?? null });
