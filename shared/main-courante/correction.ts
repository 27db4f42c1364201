import { forbidden, type DomainError } from '../core/errors.js';
import type { Viewer } from '../core/visibility.js';
import { writesSharedDocs } from '../comms/rules.js';
import type { RoomState } from '../room-state.js';
import type { MainCouranteEntry } from './entry.js';

/** The act a cell does on its own entries, in the words of the refusals: correct, verify. */
export interface EntryAct {
  /** « corrigent » */
  they: string;
  /** « corrige » */
  it: string;
  /** « corriger » */
  infinitive: string;
}

const correcting: EntryAct = { they: 'corrigent', it: 'corrige', infinitive: 'corriger' };

/**
 * Why `viewer` may not act on an entry of `cell` (null: the direction's), or null. One rule for every act a
 * cell keeps for its own entries (a correction, a verification):
 * - only those who write the main courante act (players; the crisis director in a real crisis);
 * - a player acts on the entries of their own cell only: the Préfecture does not rewrite an ARS decision;
 * - the crisis director (real crisis) arbitrates and may act on any entry.
 */
export function ownEntryRefusal(state: RoomState, viewer: Viewer, cell: string | null, act: EntryAct): DomainError | null {
  if (!writesSharedDocs(viewer, state)) return forbidden(`Lecture seule : seuls les joueurs (et le directeur de crise) ${act.they} la main courante.`);
  if (viewer.role === 'director') return null;
  if (cell === null) return forbidden(`Entrée de la direction : seule la direction de crise peut la ${act.infinitive}.`);
  if (cell !== viewer.cell) {
    const label = state.room.cells.find((c) => c.id === cell)?.label ?? cell;
    return forbidden(`Seule la cellule « ${label} » ${act.it} ses propres entrées.`);
  }
  return null;
}

/**
 * Why `viewer` may not correct `entry`, or null. Asked by the server's main-courante policy for every correction
 * an update carries, and by the client to disable « Corriger » with the reason as its tooltip: the rule of
 * `ownEntryRefusal`, and a system entry restates the room log: what it says is corrected by acting again, not by
 * rewording it.
 */
export function correctionRefusal(state: RoomState, viewer: Viewer, entry: Pick<MainCouranteEntry, 'cell' | 'system'>): DomainError | null {
  if (!writesSharedDocs(viewer, state)) return ownEntryRefusal(state, viewer, entry.cell, correcting);
  if (entry.system) return forbidden('Entrée système : elle reprend le journal de la salle et ne se corrige pas ; inscrivez plutôt une nouvelle entrée.');
  return ownEntryRefusal(state, viewer, entry.cell, correcting);
}
