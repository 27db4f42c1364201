import { z } from 'zod';
import { defineCommand, defineEvent } from '../core/define.js';
import { dictGet, dictSet } from '../core/dict.js';
import { invalid } from '../core/errors.js';
import type { RoomState } from '../room-state.js';
import { authorOf, recordChange } from './change.js';
import { Finess, type Establishment } from './establishment.js';
import { editableCareMap, requireKnown } from './guards.js';
import { CareSpecialty, DataSource } from './offer.js';

/**
 * Beds per specialty (réanimation, soins critiques, médecine, chirurgie, pédiatrie, maternité), beside the
 * generic beds of the status: a crisis cell re-routing patients asks « how many réa beds are free in the
 * département », not « how many beds ». Each figure says its source: reported in the room, or read in the ROR.
 */

const Beds = z.number().int().min(0).max(5_000).nullable();

/** One specialty's figures; a field left out keeps its value, `null` makes it « non renseigné ». */
export const CapacityUpdate = z.object({
  finess: Finess,
  specialty: CareSpecialty,
  disponibles: Beds.optional(),
  fermes: Beds.optional(),
});

export const capacityUpdated = defineEvent({
  type: 'careMap.capacityUpdated',
  description: "Les lits d'une spécialité d'un établissement sont mis à jour (disponibles, fermés), avec leur source.",
  payload: CapacityUpdate.extend({ source: DataSource }),
  apply: (state, p, event) =>
    recordChange(state, event, [p.finess], (m) => {
      const current = dictGet(m.capacities, p.finess) ?? {};
      const before = current[p.specialty];
      const beds = {
        disponibles: p.disponibles !== undefined ? p.disponibles : (before?.disponibles ?? null),
        fermes: p.fermes !== undefined ? p.fermes : (before?.fermes ?? null),
        source: p.source,
        updatedAt: event.wallTime,
        updatedExerciseTime: event.exerciseTime,
        updatedBy: authorOf(event),
      };
      return { ...m, capacities: dictSet(m.capacities, p.finess, { ...current, [p.specialty]: beds }) };
    }),
});

export const setCapacity = defineCommand({
  type: 'careMap.setCapacity',
  description: "Mettre à jour les lits d'une spécialité d'un établissement (disponibles, fermés) ; `ror` quand les chiffres sont lus dans le ROR.",
  payload: CapacityUpdate.extend({ source: z.enum(['signalement', 'ror']).optional() }),
  allowed: ['director', 'player'],
  example: { finess: '140000209', specialty: 'reanimation', disponibles: 3, fermes: 8 },
  decide: ({ state, actor, payload }) => {
    const careMap = editableCareMap(state, actor);
    requireKnown(careMap, payload.finess);
    if (payload.disponibles === undefined && payload.fermes === undefined) throw invalid('Aucun changement : indiquez des lits disponibles ou fermés.');
    return [capacityUpdated.draft({ ...payload, source: payload.source ?? 'signalement' }, 'all')];
  },
});

export interface SpecialtyTotal {
  specialty: CareSpecialty;
  disponibles: number;
  fermes: number;
  /** Establishments that gave a figure for this specialty. */
  etablissements: number;
}

/** Regional totals per specialty over `establishments` (the regional scope); specialties nobody reported are absent. */
export function specialtyTotals(state: RoomState, establishments: readonly Establishment[]): SpecialtyTotal[] {
  const totals = new Map<CareSpecialty, SpecialtyTotal>();
  for (const e of establishments) {
    const beds = dictGet(state.careMap.capacities, e.finess);
    if (!beds) continue;
    for (const specialty of CareSpecialty.options) {
      const b = beds[specialty];
      if (!b || (b.disponibles === null && b.fermes === null)) continue;
      const total = totals.get(specialty) ?? { specialty, disponibles: 0, fermes: 0, etablissements: 0 };
      totals.set(specialty, { specialty, disponibles: total.disponibles + (b.disponibles ?? 0), fermes: total.fermes + (b.fermes ?? 0), etablissements: total.etablissements + 1 });
    }
  }
  return CareSpecialty.options.flatMap((s) => totals.get(s) ?? []);
}

export const capacityEvents = [capacityUpdated];
export const capacityCommands = [setCapacity];
