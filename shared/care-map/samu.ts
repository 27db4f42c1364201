import { establishmentDisplayName } from './display-name.js';
import { distanceKm } from './distance.js';
import type { Establishment } from './establishment.js';

/**
 * The data has no list of Samu names: a Samu is the site SAE 2023 flags `SMURSAMU.SAMU=1` (the `samu`
 * column, cross-checked with `samu-centres15-france.csv`). Samu are named by their département, as the
 * field does (« SAMU 27 »). Where a département has several Samu sites the field adds a letter
 * (« SAMU 76A » Rouen, « SAMU 76B » Le Havre); the open data does not give these letters, so they are
 * derived: the CHU/CHR site (FINESS category 101) first, then by FINESS number. That reproduces 76A/76B;
 * for the other such départements (06, 42, 64) the letters are this rule's, not an official list.
 */
type SamuSite = Pick<Establishment, 'finess' | 'departement' | 'categorieCode' | 'samu'>;

const chuCategory = '101';

/** The Samu code of every Samu site (« 76A », « 27 »), by FINESS. Sites that host no Samu are absent. */
export function samuCodes(establishments: readonly SamuSite[]): Map<string, string> {
  const byDepartement = new Map<string, SamuSite[]>();
  for (const e of establishments) {
    if (!e.samu) continue;
    const sites = byDepartement.get(e.departement) ?? [];
    sites.push(e);
    byDepartement.set(e.departement, sites);
  }
  const codes = new Map<string, string>();
  for (const [departement, sites] of byDepartement) {
    if (sites.length === 1) {
      codes.set(sites[0]?.finess ?? '', departement);
      continue;
    }
    const rank = (e: SamuSite) => (e.categorieCode === chuCategory ? 0 : 1);
    const ordered = [...sites].sort((a, b) => rank(a) - rank(b) || a.finess.localeCompare(b.finess));
    ordered.forEach((e, i) => codes.set(e.finess, `${departement}${String.fromCharCode(65 + i)}`));
  }
  return codes;
}

/** « SAMU 76A – Hôpital Charles Nicolle CHU Rouen »: the Samu, then the readable name of its host site. */
export function samuLabel(code: string, nom: string): string {
  return `SAMU ${code} – ${establishmentDisplayName(nom)}`;
}

/** Where the room's region sits: its INSEE code and the départements that border it (`region.json`). */
export interface BasculeScope {
  regionCode: string;
  neighbourDepartements: readonly string[];
}

/** The Samu a bascule may go to, in the two groups the form shows. */
export interface BasculeTargets {
  /** Samu of the room's region, by Samu code (« SAMU 14 », « SAMU 27 », …, « SAMU 76A », « SAMU 76B »). */
  region: Establishment[];
  /** Samu of the départements bordering the region, nearest first. */
  neighbours: Establishment[];
}

/**
 * The Samu that can take the calls of `samu`: those of the region first, then those of the bordering
 * départements. A bascule goes to a Samu that knows the territory, so farther Samu (Paris, Lyon…) are not
 * offered, and neither are hospitals without a Samu.
 */
export function basculeTargets(samu: Establishment, establishments: readonly Establishment[], scope: BasculeScope, samuCodeOf: (finess: string) => string | null): BasculeTargets {
  const others = establishments.filter((e) => e.samu && e.finess !== samu.finess);
  const code = (e: Establishment) => samuCodeOf(e.finess) ?? e.departement;
  const region = others.filter((e) => e.region === scope.regionCode).sort((a, b) => code(a).localeCompare(code(b)));
  const neighbours = others.filter((e) => e.region !== scope.regionCode && scope.neighbourDepartements.includes(e.departement)).sort((a, b) => distanceKm(samu, a) - distanceKm(samu, b));
  return { region, neighbours };
}
