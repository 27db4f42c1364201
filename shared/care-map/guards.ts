import type { Participant } from '../core/define.js';
import { dictGet } from '../core/dict.js';
import { conflict, forbidden, invalid, notFound } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import { canEditCareMap, isRegulationDown } from './rules.js';
import type { CareMapState } from './state.js';

/**
 * The checks every care-offer command starts with, written once. Messages name FINESS numbers: they answer the
 * person who typed the command, the sentences of the events (`sentences.ts`) name establishments.
 */

/** Checks the actor's cell and that a region is loaded; returns the care-map slice. */
export function editableCareMap(state: RoomState, actor: Participant): CareMapState {
  if (!canEditCareMap(actor)) {
    throw forbidden("Seule la cellule ARS (ou la direction) modifie la carte de l'offre de soins.");
  }
  if (state.careMap.region === null) throw conflict("Aucune région n'est chargée dans cette salle.");
  return state.careMap;
}

export function requireKnown(careMap: CareMapState, finess: string): void {
  if (!dictGet(careMap.finessIds, finess)) throw notFound(`Établissement FINESS ${finess} inconnu dans la région ${careMap.region}.`);
}

export function requireSamu(careMap: CareMapState, finess: string): void {
  requireKnown(careMap, finess);
  if (!dictGet(careMap.samuIds, finess)) throw invalid(`L'établissement FINESS ${finess} n'héberge pas de SAMU – Centre 15.`);
}

/**
 * A Samu that is to take another's calls (all of them in a bascule, the overflow in a débordement): known, another
 * Samu, not down, and not itself sending its calls elsewhere — calls would be lost or go round in a loop.
 */
export function requireTarget(careMap: CareMapState, samu: string, to: string): void {
  requireSamu(careMap, samu);
  requireSamu(careMap, to);
  if (samu === to) throw invalid('Un SAMU ne peut pas transférer ses appels vers lui-même.');
  if (isRegulationDown(dictGet(careMap.statuses, to))) {
    throw conflict(`Le SAMU de secours (FINESS ${to}) est lui-même à l'arrêt : choisissez un autre SAMU.`);
  }
  if (dictGet(careMap.bascules, to)) {
    throw conflict(`Le SAMU de secours (FINESS ${to}) a lui-même basculé ses appels : choisissez un autre SAMU.`);
  }
}
