import { z } from 'zod';
import { parseCsv, recordToObject } from './csv.js';
import { finessCategories, Statut, type Establishment, type Layer } from './establishment.js';
import { ownValue } from '../core/dict.js';

/**
 * A problem found while loading a reference file. `message` is the full sentence shown to people,
 * e.g. `ligne 12 (FINESS 140000000) : coordonnées manquantes`; `line` is 1-based (the header is line 1).
 */
export interface LoadIssue {
  source: string;
  line: number | null;
  finess: string | null;
  reason: string;
  message: string;
}

export function loadIssue(source: string, line: number | null, finess: string | null, reason: string): LoadIssue {
  const where = line === null ? '' : `ligne ${line}${finess ? ` (FINESS ${finess})` : ''} : `;
  return { source, line, finess, reason, message: `${source} : ${where}${reason}` };
}

export interface LoadedEstablishments {
  establishments: Establishment[];
  issues: LoadIssue[];
}

/** Columns every establishment file must have (the Samu file has fewer: see `samuColumns`). */
export const establishmentColumns = [
  'finess_et',
  'finess_ej',
  'nom',
  'categorie_code',
  'categorie',
  'statut',
  'adresse',
  'code_postal',
  'commune',
  'code_commune_insee',
  'departement',
  'region',
  'lat',
  'lon',
  'geo_precision',
  'urgences',
  'urgences_type',
  'smur',
  'samu',
] as const;

const FinessEt = z.string().regex(/^[0-9][0-9AB][0-9]{7}$/, 'numéro FINESS invalide');
const flag = (column: string) => z.enum(['0', '1'], { error: `valeur 0 ou 1 attendue pour « ${column} »` }).transform((v) => v === '1');

const EstablishmentRow = z.object({
  finess_et: FinessEt,
  finess_ej: z.union([FinessEt, z.literal('')], { error: 'numéro FINESS juridique invalide' }),
  nom: z.string().min(1, 'nom manquant'),
  categorie_code: z.string().refine((code) => code in finessCategories, {
    error: (issue) => `catégorie FINESS inconnue « ${String(issue.input)} »`,
  }),
  categorie: z.string(),
  statut: z.union([Statut, z.literal('')], { error: 'statut inconnu (public, prive_lucratif, prive_non_lucratif)' }),
  adresse: z.string(),
  code_postal: z.string(),
  commune: z.string().min(1, 'commune manquante'),
  code_commune_insee: z.string(),
  departement: z.string().regex(/^(?:[0-9]{2}|2[AB]|9[A-F]|97[1-6])$/, 'département invalide'),
  region: z.string(),
  geo_precision: z.string(),
  urgences: flag('urgences'),
  urgences_type: z.string(),
  smur: flag('smur'),
  samu: flag('samu'),
});

/** `'49.27'` → 49.27; null for an empty or non-numeric cell. */
function toNumber(cell: string): number | null {
  if (cell === '') return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

/** Why a row's coordinates cannot be drawn, or null when they can. */
export function coordinateProblem(lat: string, lon: string): string | null {
  if (lat === '' && lon === '') return 'coordonnées manquantes';
  if (lat === '' || lon === '') return `coordonnée manquante (${lat === '' ? 'lat' : 'lon'})`;
  const la = toNumber(lat);
  const lo = toNumber(lon);
  if (la === null || lo === null || Math.abs(la) > 90 || Math.abs(lo) > 180) {
    return `coordonnées invalides (lat « ${lat} », lon « ${lon} »)`;
  }
  return null;
}

/**
 * Loads an establishment CSV (the columns of `establishmentColumns`). Pure: takes the file text.
 * A bad row is reported in `issues` and left out, never a crash: the map must open even if one site
 * is wrong. A missing column makes every row unreadable, so it is reported once and nothing is loaded.
 */
export function loadEstablishments(text: string, options: { source: string; layer: Layer }): LoadedEstablishments {
  const { source, layer } = options;
  const table = parseCsv(text);
  const missing = establishmentColumns.filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    return { establishments: [], issues: [loadIssue(source, 1, null, `colonnes manquantes : ${missing.join(', ')}`)] };
  }
  const establishments: Establishment[] = [];
  const issues: LoadIssue[] = [];
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const raw = recordToObject(table.header, record);
    const finess = raw.finess_et || null;
    const problems = rowProblems(raw, record.cells.length, table.header.length);
    const firstLine = finess ? seen.get(finess) : undefined;
    if (finess && firstLine !== undefined) problems.push(`FINESS en double (déjà ligne ${firstLine})`);
    if (problems.length > 0) {
      issues.push(loadIssue(source, record.line, finess, problems.join(' ; ')));
      continue;
    }
    if (finess) seen.set(finess, record.line);
    establishments.push(toEstablishment(EstablishmentRow.parse(raw), raw, layer));
  }
  return { establishments, issues };
}

function rowProblems(raw: Record<string, string>, cellCount: number, columnCount: number): string[] {
  const problems: string[] = [];
  if (cellCount !== columnCount) problems.push(`${cellCount} colonnes au lieu de ${columnCount}`);
  const parsed = EstablishmentRow.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  const coordinates = coordinateProblem(raw.lat ?? '', raw.lon ?? '');
  if (coordinates) problems.push(coordinates);
  return problems;
}

function toEstablishment(row: z.infer<typeof EstablishmentRow>, raw: Record<string, string>, layer: Layer): Establishment {
  const categoryKind = ownValue(finessCategories, row.categorie_code) ?? 'autre';
  return {
    finess: row.finess_et,
    finessEj: row.finess_ej,
    nom: row.nom,
    categorieCode: row.categorie_code,
    categorie: row.categorie,
    kind: row.samu ? 'samu' : categoryKind,
    statut: row.statut === '' ? null : row.statut,
    adresse: row.adresse,
    codePostal: row.code_postal,
    commune: row.commune,
    departement: row.departement,
    region: row.region,
    lat: Number(raw.lat),
    lon: Number(raw.lon),
    geoPrecision: row.geo_precision,
    urgences: row.urgences,
    urgencesType: row.urgences_type,
    smur: row.smur,
    samu: row.samu,
    layer,
  };
}
