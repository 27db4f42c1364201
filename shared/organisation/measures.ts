import type { OrganisationState, MobilisationLevel } from './state.js';
import { mobilisationLevels } from './state.js';

/**
 * The measures of the crisis organisation, one definition for the evaluation grid (live), its criteria
 * (`measure` in the observer kit) and the RETEX report: exercise ms since T0 (DEBEX, or the opening of a crisis
 * room) at which the CRAPS was first activated and the COD first opened, and each mobilisation level first reached.
 */
export interface OrganisationMeasures {
  /** Exercise time of the first activation of the CRAPS; null when it never was. */
  crapsActivatedAt: number | null;
  /** Exercise time of the first opening of the COD; null when it never was. */
  codOpenedAt: number | null;
  /** The highest level the ARS reached, and when it first reached each level above « veille ». */
  highestLevel: MobilisationLevel;
  levels: Array<{ level: MobilisationLevel; reachedAt: number }>;
}

export function organisationMeasures(organisation: OrganisationState): OrganisationMeasures {
  const levels = mobilisationLevels.flatMap((level) => {
    const at = organisation.mobilisation.reached[level];
    return at ? [{ level, reachedAt: at.exerciseTime }] : [];
  });
  return {
    crapsActivatedAt: organisation.craps.firstActivatedAt?.exerciseTime ?? null,
    codOpenedAt: organisation.cod.firstActivatedAt?.exerciseTime ?? null,
    highestLevel: levels.at(-1)?.level ?? 'veille',
    levels,
  };
}

/**
 * The measures a criterion of the evaluation grid may name (`measure` in the observer kit): the time each
 * one was reached, or null while it was not. The grid holds the criterion when it was reached by its deadline.
 */
export const organisationGridMeasures = {
  'organisation.craps': (m: OrganisationMeasures) => m.crapsActivatedAt,
  'organisation.cod': (m: OrganisationMeasures) => m.codOpenedAt,
} as const;

/** Plain-language findings for the RETEX: a crisis level without its cell, a cell never stood up. */
export function organisationSuggestions(m: OrganisationMeasures): string[] {
  const niveau3 = m.levels.find((l) => l.level === 'niveau-3');
  if (niveau3 && m.crapsActivatedAt === null) return ["L'ARS est passée en niveau 3 (crise) sans activer la CRAPS."];
  return [];
}
