import { z } from 'zod';
import type { Establishment } from './establishment.js';
import { specialisedFunctions, type CareFunction, type SpecialisedFunction } from './modes.js';

/**
 * The vocabulary of the care offer beyond the ED and the Samu (issue 19): beds per specialty, and where each
 * datum comes from. Pure data and wording, shared by the reducers, the sentences, the card and the docs.
 */

/** The specialties whose beds the cell counts (the generic `litsDisponibles` of the status stays beside them). */
export const CareSpecialty = z.enum(['reanimation', 'soins_critiques', 'medecine', 'chirurgie', 'pediatrie', 'maternite']);
export type CareSpecialty = z.infer<typeof CareSpecialty>;

export const careSpecialtyLabels: Record<CareSpecialty, string> = {
  reanimation: 'Lits de réanimation',
  soins_critiques: 'Lits de soins critiques (USC, USI)',
  medecine: 'Lits de médecine',
  chirurgie: 'Lits de chirurgie',
  pediatrie: 'Lits de pédiatrie',
  maternite: 'Lits de maternité',
};

/**
 * Where a datum comes from:
 * - `finess`: the reference files shipped with the project (FINESS and DREES SAE, `scenarios/regions/LICENCE.md`);
 * - `ror`: the Répertoire opérationnel des ressources, when a scenario provides an extract of it;
 * - `scenario`: written by the scenario without naming a directory (fictional sites, initial figures);
 * - `signalement`: reported in the room by a participant (who and when are in the history).
 */
export const DataSource = z.enum(['finess', 'ror', 'scenario', 'signalement']);
export type DataSource = z.infer<typeof DataSource>;

/** The reference files' editions, as `scenarios/regions/LICENCE.md` states them. */
export const referenceEditions = {
  finess: 'data.gouv.fr, 06/03/2020',
  sae: 'DREES, SAE 2023',
} as const;

/** A source as the card and the exports write it, after « source : ». */
export const dataSourceLabels: Record<DataSource, string> = {
  finess: `FINESS (${referenceEditions.finess})`,
  ror: 'ROR (extrait fourni par le scénario)',
  scenario: 'scénario de l’exercice',
  signalement: 'signalement dans la salle',
};

/** The groups of reference fields of an establishment record, each with its own source. */
export type ReferenceField = 'identite' | 'position' | 'activites';

/**
 * Where each part of an establishment record comes from: identity (name, category, address) and the ED, SMUR and
 * Samu authorisations from the DREES SAE extract of FINESS, the position from the geolocated FINESS file (or the
 * commune's centre when the site is newer than it), everything of a fictional site from the scenario.
 */
export function referenceSources(e: Establishment): Record<ReferenceField, string> {
  if (e.layer === 'fictif') {
    const scenario = dataSourceLabels.scenario;
    return { identite: scenario, position: scenario, activites: scenario };
  }
  return {
    identite: `FINESS via ${referenceEditions.sae}`,
    position: e.geoPrecision === 'centroide_commune' ? 'centre de la commune (IGN Admin Express 2018)' : dataSourceLabels.finess,
    activites: referenceEditions.sae,
  };
}

/** Specialised activities the reference data vouches for: a dialysis structure dialyses, a cancer centre treats cancers. */
const impliedByKind: Partial<Record<Establishment['kind'], SpecialisedFunction[]>> = {
  dialyse: ['dialyse'],
  cancer: ['oncologie_radiotherapie'],
};

/**
 * The specialised activities an establishment has: those its FINESS category implies, and those the scenario or
 * the cell reported a status for (the open data says nothing of maternities or UNV: they are declared).
 */
export function specialisedFunctionsOf(e: Pick<Establishment, 'kind'>, status: { functions: Partial<Record<CareFunction, unknown>> } | undefined): SpecialisedFunction[] {
  const implied = new Set<CareFunction>(impliedByKind[e.kind] ?? []);
  return specialisedFunctions.filter((fn) => implied.has(fn) || status?.functions[fn] !== undefined);
}
