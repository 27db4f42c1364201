import { establishmentDisplayName } from './display-name.js';
import type { Establishment } from './establishment.js';
import { samuCodes, samuLabel } from './samu.js';

/** How the map, the cards, the lists and the forms name the establishments: one place, the same words everywhere. */
export interface SiteNames {
  /** The readable name (« Hôpital Charles Nicolle CHU Rouen »); the FINESS number when the site is unknown. */
  name(finess: string): string;
  /** For a Samu site its Samu name (« SAMU 76A – Hôpital Charles Nicolle CHU Rouen »), else `name`. */
  samu(finess: string): string;
  /** The Samu code of a Samu site (« 76A »), else null. */
  samuCode(finess: string): string | null;
}

/** The names of a set of establishments (the region, its national layer and the scenario's sites). */
export function siteNames(establishments: readonly Establishment[]): SiteNames {
  const byFiness = new Map(establishments.map((e) => [e.finess, e]));
  const codes = samuCodes(establishments);
  const name = (finess: string) => {
    const e = byFiness.get(finess);
    return e ? establishmentDisplayName(e.nom) : finess;
  };
  return {
    name,
    samu(finess) {
      const e = byFiness.get(finess);
      const code = codes.get(finess);
      return e && code ? samuLabel(code, e.nom) : name(finess);
    },
    samuCode: (finess) => codes.get(finess) ?? null,
  };
}
