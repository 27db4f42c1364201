import type { Participant } from '../core/define.js';
import { conflict, forbidden } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import type { Draft, JointApproval } from './draft.js';

/**
 * Joint products (« validation conjointe ARS + Préfecture »): a text the ARS and the Préfecture both put their
 * name to. Each party cell validates the sealed text (its fingerprint); the draft is validated, and may be
 * published, only once both have validated the same fingerprint. A new text (sent back, edited, resubmitted)
 * voids the validations of the old one (`seal.ts`). Pure rules, asked by the server and the client alike.
 */

/** The two party cells, in the order a sentence names them, with the article French puts before each. */
export const jointParties = [
  { cell: 'ars', the: "l'ARS", by: "par l'ARS" },
  { cell: 'prefecture', the: 'la Préfecture', by: 'par la Préfecture' },
] as const;
/** « ARS + Préfecture »: the parties as a label names them (domain words, the same in every language). */
export const jointPartiesLabel = 'ARS + Préfecture';

export type JointCell = (typeof jointParties)[number]['cell'];

const partyOf = (cell: string | null | undefined) => jointParties.find((p) => p.cell === cell);

/** « l'ARS », « la Préfecture »: how a sentence names a party cell. */
export const jointCellPhrase = (cell: string): string => partyOf(cell)?.the ?? `la cellule ${cell}`;

/** Whether the room has both party cells (a joint product needs them). */
export const roomHasJointParties = (state: RoomState): boolean => jointParties.every((p) => state.room.cells.some((c) => c.id === p.cell));

/** The validations that still hold: those of the current cycle on the text sealed now. */
export function standingApprovals(draft: Draft): JointApproval[] {
  const sealed = draft.sealed?.cycle === draft.cycle ? draft.sealed : null;
  if (!sealed) return [];
  return draft.approvals.filter((a) => a.cycle === draft.cycle && a.hash === sealed.hash);
}

/** The party cells whose validation of the current text is still missing, in the parties' order. */
export function missingParties(draft: Draft): JointCell[] {
  const done = new Set(standingApprovals(draft).map((a) => a.cell));
  return jointParties.filter((p) => !done.has(p.cell)).map((p) => p.cell);
}

/** The party `actor` plays for, or the refusal: only the players of the ARS and the Préfecture review a joint product. */
export function requireJointParty(actor: Participant): (typeof jointParties)[number] {
  const party = actor.role === 'player' ? partyOf(actor.cell) : undefined;
  if (!party) throw forbidden('Validation conjointe : seules les cellules ARS et Préfecture relisent et valident ce texte.');
  return party;
}

/** Why `actor` may not validate the joint `draft`'s sealed text now (its status and seal were checked before). */
export function jointValidationRefusal(draft: Draft, actor: Participant): void {
  const party = requireJointParty(actor);
  if (standingApprovals(draft).some((a) => a.cell === party.cell)) {
    const waiting = missingParties(draft).map(jointCellPhrase);
    throw conflict(`Cette version est déjà validée ${party.by} ; en attente de ${waiting.join(' et ')}.`);
  }
}

/** Why the joint property may not change on `draft` now: once a validation happened, the rule of the text is set. */
export function jointSettingRefusal(draft: Draft, state: RoomState): void {
  if (!roomHasJointParties(state)) throw conflict('La validation conjointe demande une cellule ARS et une cellule Préfecture dans la salle.');
  if (draft.versions.length > 0 || draft.approvals.length > 0) throw conflict('Le texte a déjà été validé : la validation conjointe se décide avant toute validation.');
}
