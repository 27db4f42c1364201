import { forbidden, type DomainError } from '../core/errors.js';
import type { Viewer } from '../core/visibility.js';
import { writesSharedDocs } from '../comms/rules.js';
import type { RoomState } from '../room-state.js';
import type { MainCouranteEntry } from './entry.js';

/**
 * Why `viewer` may not correct `entry`, or null. Asked by the server's main-courante policy for every correction
 * an update carries, and by the client to disable « Corriger » with the reason as its tooltip.
 * - only those who write the main courante correct (players; the crisis director in a real crisis);
 * - a player corrects the entries of their own cell only: the Préfecture does not rewrite an ARS decision;
 * - the crisis director (real crisis) arbitrates and may correct any entry;
 * - a system entry restates the room log: what it says is corrected by acting again, not by rewording it.
 */
export function correctionRefusal(state: RoomState, viewer: Viewer, entry: Pick<MainCouranteEntry, 'cell' | 'system'>): DomainError | null {
  if (!writesSharedDocs(viewer, state)) return forbidden('Lecture seule : seuls les joueurs (et le directeur de crise) corrigent la main courante.');
  if (entry.system) return forbidden('Entrée système : elle reprend le journal de la salle et ne se corrige pas ; inscrivez plutôt une nouvelle entrée.');
  if (viewer.role === 'director') return null;
  if (entry.cell === null) return forbidden('Entrée de la direction : seule la direction de crise peut la corriger.');
  if (entry.cell !== viewer.cell) {
    const label = state.room.cells.find((c) => c.id === entry.cell)?.label ?? entry.cell;
    return forbidden(`Seule la cellule « ${label} » corrige ses propres entrées.`);
  }
  return null;
}
