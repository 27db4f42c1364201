import type { SitrepState } from './state.js';

/** Measures of the points de situation for the evaluation grid and the RETEX: one definition, read by both. */
export interface SitrepMeasures {
  /** Points opened, and validated (frozen or about to be). */
  opened: number;
  validated: number;
  /** Exercise time (ms since DEBEX/T0) of the first validation: the time to the first point de situation; null: none. */
  firstValidatedAt: number | null;
  /** Due points of the schedule declared late by the server. */
  late: number;
}

export function sitrepMeasures(sitrep: SitrepState): SitrepMeasures {
  const times = sitrep.points.flatMap((p) => (p.validated ? [p.validated.at.exerciseTime] : []));
  return {
    opened: sitrep.points.length,
    validated: times.length,
    firstValidatedAt: times.length > 0 ? Math.min(...times) : null,
    late: sitrep.late.length,
  };
}
