import { z } from 'zod';
import type { RowError } from '../core/errors.js';
import { Contact, ContactList, formatPhone, toE164 } from './contact.js';
import { formatOnCall, parseOnCall } from './on-call.js';

/**
 * The crisis directory ⇄ spreadsheet rows, pure. The ARS keeps its directory as a CSV or XLSX table with one
 * contact per row; a file is taken whole or not at all: every bad cell is reported (row and column), and a
 * file with one bad cell loads nothing.
 */

/** A sheet as plain text cells; `line` is the row number people see (the header is line 1). Same shape as the chronogramme's. */
export interface DirectoryTable {
  headers: string[];
  rows: { line: number; values: string[] }[];
}

export type DirectoryRows = { contacts: Contact[] } | { errors: RowError[] };

/** The columns, in the order the export writes them; `required`: a file without it is refused. */
export const directoryColumns = [
  { key: 'acteur', required: true },
  { key: 'nom', required: true },
  { key: 'fonction', required: false },
  { key: 'email', required: false },
  { key: 'mobile', required: false },
  { key: 'telephone', required: false },
  { key: 'rang', required: true },
  { key: 'astreinte', required: false },
  { key: 'exercice', required: false },
] as const;
export type DirectoryColumn = (typeof directoryColumns)[number]['key'];

/** Headers as people type them, lowercased and without accents: `Téléphone` → `telephone`, `Courriel` → `email`. */
const headerAliases = new Map<string, DirectoryColumn>([
  ...directoryColumns.map((c) => [c.key, c.key] as const),
  ['courriel', 'email'],
  ['e-mail', 'email'],
  ['mail', 'email'],
  ['portable', 'mobile'],
  ['fixe', 'telephone'],
  ['tel', 'telephone'],
  ['tel.', 'telephone'],
]);

/** `Téléphone ` → `telephone`: case, accents and surrounding spaces do not matter. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();
}

/** Our own CSV export defuses cells that start like a formula (`'+33…`): reading it back removes the mark. */
const undefuse = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const yes = new Set(['oui', 'o', 'x', 'yes', 'y', 'true', 'vrai', '1']);
const no = new Set(['non', 'n', 'no', 'false', 'faux', '0', '']);
const Email = z.email().max(254);
const maxContacts = 500;

/** Text table → contacts, or every row/column error. `actorIds`: the actors of the room's alert chain. */
export function rowsToContacts(table: DirectoryTable, actorIds: readonly string[]): DirectoryRows {
  const errors: RowError[] = [];
  const columns = new Map<DirectoryColumn, number>();
  table.headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const key = headerAliases.get(normalizeHeader(header));
    if (key === undefined) errors.push({ line: 1, column: header.trim(), message: `colonne inconnue « ${header.trim()} » (attendu : ${directoryColumns.map((c) => c.key).join(', ')})` });
    else if (columns.has(key)) errors.push({ line: 1, column: key, message: `colonne « ${key} » en double` });
    else columns.set(key, index);
  });
  for (const column of directoryColumns.filter((c) => c.required && !columns.has(c.key))) errors.push({ line: 1, column: column.key, message: `colonne « ${column.key} » manquante` });
  if (errors.length > 0) return { errors };

  const known = new Set(actorIds);
  const firstLineOfRank = new Map<string, number>();
  const contacts: Contact[] = [];
  const rows = table.rows.filter((row) => row.values.some((value) => value.trim() !== ''));
  for (const row of rows) {
    const cell = (key: DirectoryColumn) => {
      const index = columns.get(key);
      return index === undefined ? '' : undefuse((row.values[index] ?? '').trim());
    };
    const fail = (column: DirectoryColumn, message: string) => void errors.push({ line: row.line, column, message });
    const contact = rowToContact(cell, fail, known);
    if (!contact) continue;
    const rankKey = `${contact.actor}#${contact.rank}`;
    const first = firstLineOfRank.get(rankKey);
    if (first !== undefined) fail('rang', `rang ${contact.rank} déjà donné pour « ${contact.actor} » (ligne ${first})`);
    else firstLineOfRank.set(rankKey, row.line);
    contacts.push(contact);
  }
  if (rows.length > maxContacts) errors.push({ line: rows[maxContacts]!.line, column: 'acteur', message: `plus de ${maxContacts} contacts dans le fichier` });
  if (errors.length > 0) return { errors };
  if (contacts.length === 0) return { errors: [{ line: 2, column: 'acteur', message: 'aucun contact dans le fichier' }] };
  // The rows were checked one by one above; the list's own rules (ids unique) are the last safeguard.
  const list = ContactList.safeParse(contacts);
  return list.success ? { contacts: list.data } : { errors: list.error.issues.map((issue) => ({ line: 1, column: 'acteur', message: issue.message })) };
}

type Fail = (column: DirectoryColumn, message: string) => void;

/** One row → a contact, or null after reporting each bad cell through `fail`. */
function rowToContact(cell: (key: DirectoryColumn) => string, fail: Fail, known: ReadonlySet<string>): Contact | null {
  let ok = true;
  const bad = (column: DirectoryColumn, message: string) => {
    ok = false;
    fail(column, message);
  };
  const actor = cell('acteur');
  if (actor === '') bad('acteur', 'acteur manquant');
  else if (!known.has(actor)) bad('acteur', `acteur inconnu « ${actor} » dans la chaîne d'alerte`);
  const name = cell('nom');
  if (name === '') bad('nom', 'nom manquant');
  else if (name.length > 120) bad('nom', 'nom trop long (120 caractères au plus)');
  const fonction = cell('fonction');
  if (fonction.length > 160) bad('fonction', 'fonction trop longue (160 caractères au plus)');
  const email = cell('email');
  if (email !== '' && !Email.safeParse(email).success) bad('email', `adresse de courriel invalide « ${email} »`);
  const phone = (column: 'mobile' | 'telephone') => {
    const text = cell(column);
    if (text === '') return null;
    const e164 = toE164(text);
    if (e164 === null) bad(column, `numéro de téléphone invalide « ${text} »`);
    return e164;
  };
  const mobile = phone('mobile');
  const landline = phone('telephone');
  if (email === '' && cell('mobile') === '' && cell('telephone') === '') bad('email', 'ni courriel, ni mobile, ni téléphone : au moins un moyen de contact est requis');
  const rankText = cell('rang');
  const rank = /^\d{1,2}$/.test(rankText) ? Number(rankText) : NaN;
  if (!(rank >= 1)) bad('rang', rankText === '' ? 'rang manquant (1 = appelé en premier)' : `rang invalide « ${rankText} » (entier de 1 à 99)`);
  const onCall = parseOnCall(cell('astreinte'));
  if ('error' in onCall) bad('astreinte', onCall.error);
  const exerciseText = cell('exercice').toLowerCase();
  if (!yes.has(exerciseText) && !no.has(exerciseText)) bad('exercice', `valeur inconnue « ${cell('exercice')} » (oui ou non)`);
  if (!ok || 'error' in onCall) return null;
  return { id: `${actor}-${rank}`, actor, name, function: fonction, email: email === '' ? null : email, mobile, landline, rank, onCall, exercise: yes.has(exerciseText) };
}

/** Contacts → the rows the import reads back (by actor, then rank). */
export function contactsToRows(contacts: readonly Contact[]): DirectoryTable {
  const sorted = [...contacts].sort((a, b) => a.actor.localeCompare(b.actor) || a.rank - b.rank);
  return {
    headers: directoryColumns.map((c) => c.key),
    rows: sorted.map((c, i) => ({
      line: i + 2,
      values: [
        c.actor,
        c.name,
        c.function,
        c.email ?? '',
        c.mobile ? formatPhone(c.mobile) : '',
        c.landline ? formatPhone(c.landline) : '',
        String(c.rank),
        formatOnCall(c.onCall),
        c.exercise ? 'oui' : 'non',
      ],
    })),
  };
}

/** `ligne 3, colonne email : adresse de courriel invalide « x »`, one per line: for logs and the start-up refusal. */
export function describeRowErrors(errors: readonly RowError[]): string {
  return errors.map((e) => `ligne ${e.line}, colonne ${e.column} : ${e.message}`).join('\n');
}
