import { z } from 'zod';
import { parseCsv, recordToObject, type CsvTable } from './csv.js';
import { coordinateProblem, loadIssue, type LoadIssue } from './load-establishments.js';

/** A GHT (groupement hospitalier de territoire) from the SAE list: the labels a director picks from. */
export const Ght = z.object({
  code: z.string().regex(/^[A-Z]{2,4}-[0-9]{2}$/, { error: (issue) => `code GHT invalide « ${String(issue.input)} » (attendu : ex. NOR-04)` }),
  codeNumerique: z.string().regex(/^[0-9]+$/, 'code GHT numérique attendu'),
  regionCode: z.string().regex(/^[0-9]{2}$/, 'code région à 2 chiffres attendu'),
  nom: z.string().min(1, 'nom du GHT manquant'),
  nbEtablissements: z.number().int().min(0),
  litsMco: z.number().int().min(0).nullable(),
});
export type Ght = z.infer<typeof Ght>;

/** A SAMU – Centre 15 site and the département it serves. */
export interface SamuCentre {
  finess: string;
  departement: string;
  nom: string;
  commune: string;
}

function missingColumns(table: CsvTable, columns: readonly string[]): string[] {
  return columns.filter((c) => !table.header.includes(c));
}

const ghtColumns = ['code_ght', 'code_ght_numerique', 'region_code', 'nom_ght', 'nb_etablissements', 'lits_mco'];

/** Loads `ght-liste-2023.csv`; bad rows are reported and skipped. */
export function loadGhtList(text: string, source: string): { ghts: Ght[]; issues: LoadIssue[] } {
  const table = parseCsv(text);
  const missing = missingColumns(table, ghtColumns);
  if (missing.length > 0) return { ghts: [], issues: [loadIssue(source, 1, null, `colonnes manquantes : ${missing.join(', ')}`)] };
  const ghts: Ght[] = [];
  const issues: LoadIssue[] = [];
  for (const record of table.records) {
    const raw = recordToObject(table.header, record);
    const parsed = Ght.safeParse({
      code: raw.code_ght,
      codeNumerique: raw.code_ght_numerique,
      regionCode: raw.region_code,
      nom: raw.nom_ght,
      nbEtablissements: Number(raw.nb_etablissements || '0'),
      litsMco: raw.lits_mco ? Number(raw.lits_mco) : null,
    });
    if (parsed.success) ghts.push(parsed.data);
    else issues.push(loadIssue(source, record.line, null, parsed.error.issues.map((i) => i.message).join(' ; ')));
  }
  return { ghts, issues };
}

const samuColumns = ['departement', 'region', 'finess_et', 'nom', 'commune', 'lat', 'lon'];

/**
 * Loads `samu-centres15-france.csv`. A Samu without coordinates is still a Samu (calls can be switched
 * to it) but cannot be drawn: it is reported and left out, like the establishments.
 */
export function loadSamuCentres(text: string, source: string): { samus: SamuCentre[]; issues: LoadIssue[] } {
  const table = parseCsv(text);
  const missing = missingColumns(table, samuColumns);
  if (missing.length > 0) return { samus: [], issues: [loadIssue(source, 1, null, `colonnes manquantes : ${missing.join(', ')}`)] };
  const samus: SamuCentre[] = [];
  const issues: LoadIssue[] = [];
  for (const record of table.records) {
    const raw = recordToObject(table.header, record);
    const finess = raw.finess_et ?? '';
    const problems: string[] = [];
    if (!/^[0-9][0-9AB][0-9]{7}$/.test(finess)) problems.push('numéro FINESS invalide');
    if (!raw.departement) problems.push('département manquant');
    const coordinates = coordinateProblem(raw.lat ?? '', raw.lon ?? '');
    if (coordinates) problems.push(coordinates);
    if (problems.length > 0) {
      issues.push(loadIssue(source, record.line, finess || null, problems.join(' ; ')));
      continue;
    }
    samus.push({ finess, departement: raw.departement ?? '', nom: raw.nom ?? '', commune: raw.commune ?? '' });
  }
  return { samus, issues };
}
