import { z } from 'zod';

/**
 * A FINESS number: 9 characters, digits except the Corsican départements 2A/2B in position 2.
 * Fictional sites of a scenario use the same shape with letters (e.g. `FIC000001`) so they can never
 * collide with a real number.
 */
export const Finess = z.string().regex(/^[0-9A-Z]{9}$/, 'numéro FINESS à 9 caractères attendu');
export type Finess = z.infer<typeof Finess>;

/** What a marker represents: it decides the marker's shape. A site hosting a SAMU is shown as `samu`. */
export const EstablishmentKind = z.enum(['samu', 'chu', 'hopital', 'clinique', 'ssr', 'psychiatrie', 'had', 'dialyse', 'cancer', 'ehpad', 'autre']);
export type EstablishmentKind = z.infer<typeof EstablishmentKind>;

export const establishmentKindLabels: Record<EstablishmentKind, string> = {
  samu: 'SAMU – Centre 15',
  chu: 'CHU / CHR',
  hopital: 'Centre hospitalier',
  clinique: 'Clinique, établissement privé',
  ssr: 'Soins de suite, longue durée',
  psychiatrie: 'Psychiatrie',
  had: 'Hospitalisation à domicile',
  dialyse: 'Dialyse',
  cancer: 'Centre de lutte contre le cancer',
  ehpad: 'EHPAD',
  autre: 'Autre établissement',
};

/**
 * The FINESS category codes the loader accepts, with the kind they map to. A code outside this list
 * is an error rather than a silent `autre`: a new code must be looked up in the FINESS nomenclature.
 */
export const finessCategories: Readonly<Record<string, EstablishmentKind>> = {
  '101': 'chu',
  '106': 'hopital',
  '109': 'ssr',
  '114': 'hopital',
  '122': 'clinique',
  '127': 'had',
  '128': 'clinique',
  '129': 'clinique',
  '131': 'cancer',
  '141': 'dialyse',
  '146': 'dialyse',
  '161': 'psychiatrie',
  '292': 'psychiatrie',
  '355': 'hopital',
  '362': 'ssr',
  '365': 'clinique',
  '500': 'ehpad',
  '697': 'hopital',
  '698': 'autre',
};

export const Statut = z.enum(['public', 'prive_lucratif', 'prive_non_lucratif']);

/** Where an establishment comes from: the region's file, the national emergency layer, or the scenario. */
export const Layer = z.enum(['region', 'national', 'fictif']);
export type Layer = z.infer<typeof Layer>;

/** One geographic site, as the map and the status board use it (coordinates are always present). */
export const Establishment = z.object({
  finess: Finess,
  finessEj: z.string(),
  nom: z.string().min(1),
  categorieCode: z.string(),
  categorie: z.string(),
  kind: EstablishmentKind,
  statut: Statut.nullable(),
  adresse: z.string(),
  codePostal: z.string(),
  commune: z.string(),
  departement: z.string().min(1),
  region: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geoPrecision: z.string(),
  urgences: z.boolean(),
  urgencesType: z.string(),
  smur: z.boolean(),
  samu: z.boolean(),
  layer: Layer,
});
export type Establishment = z.infer<typeof Establishment>;

/**
 * A site a scenario adds to the real data (a fictional hospital, an EHPAD, a GHT support site).
 * Sent to every participant in `careMap.regionLoaded`, so it must hold no animator secret.
 */
export const FictionalSite = z.object({
  finess: Finess,
  nom: z.string().trim().min(1).max(200),
  kind: EstablishmentKind,
  commune: z.string().trim().min(1).max(120),
  departement: z.string().trim().min(1).max(3),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  urgences: z.boolean().default(false),
  smur: z.boolean().default(false),
  samu: z.boolean().default(false),
});
export type FictionalSite = z.infer<typeof FictionalSite>;

/** A fictional site as an establishment of the map. */
export function fictionalEstablishment(site: FictionalSite, region: string): Establishment {
  return {
    finess: site.finess,
    finessEj: '',
    nom: site.nom,
    categorieCode: '',
    categorie: `${establishmentKindLabels[site.kind]} (site fictif du scénario)`,
    kind: site.samu ? 'samu' : site.kind,
    statut: null,
    adresse: '',
    codePostal: '',
    commune: site.commune,
    departement: site.departement,
    region,
    lat: site.lat,
    lon: site.lon,
    geoPrecision: 'fictif',
    urgences: site.urgences,
    urgencesType: '',
    smur: site.smur,
    samu: site.samu,
    layer: 'fictif',
  };
}

/** Lowercase without accents: search by name or commune must find « Évreux » when typing « evreux ». */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const kindRank: Partial<Record<EstablishmentKind, number>> = { samu: 0, chu: 1, hopital: 2 };

function matchScore(e: Establishment, q: string): number {
  if (e.finess.toLowerCase().startsWith(q)) return 5;
  const nom = normalizeForSearch(e.nom);
  if (nom.startsWith(q)) return 4;
  if (nom.split(/[^a-z0-9]+/).some((word) => word.startsWith(q))) return 3;
  if (nom.includes(q)) return 2;
  return normalizeForSearch(e.commune).includes(q) ? 1 : -1;
}

/**
 * Establishments whose name, commune or FINESS number matches the query: FINESS and name matches first,
 * then Samu, CHU and hospitals before the other sites (« evreux » must offer the CH before a dialysis unit).
 */
export function searchEstablishments(establishments: readonly Establishment[], query: string, max = 10): Establishment[] {
  const q = normalizeForSearch(query.trim());
  if (q.length < 2) return [];
  const scored: { e: Establishment; score: number }[] = [];
  for (const e of establishments) {
    const score = matchScore(e, q);
    if (score >= 0) scored.push({ e, score });
  }
  const rank = (e: Establishment) => kindRank[e.kind] ?? 3;
  scored.sort((a, b) => b.score - a.score || rank(a.e) - rank(b.e) || a.e.nom.localeCompare(b.e.nom, 'fr'));
  return scored.slice(0, max).map((s) => s.e);
}
