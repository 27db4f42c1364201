import { Channel, channelLabels } from '../core/channels.js';
import { StimulusType, stimulusTypeLabels } from './scenario-stimulus.js';
import { ownValue } from '../core/dict.js';

/**
 * The chronogramme as a spreadsheet: one stimulus per row, French headers. Matching of headers,
 * actors, cells and channels ignores case and accents, so « Émetteur » = « emetteur ».
 */

export const sheetColumns = [
  { key: 'id', header: 'id', required: false },
  { key: 'offset', header: 'horaire', required: true },
  { key: 'phase', header: 'phase', required: false },
  { key: 'type', header: 'type', required: false },
  { key: 'sender', header: 'émetteur', required: true },
  { key: 'recipients', header: 'destinataire', required: true },
  { key: 'channel', header: 'canal', required: true },
  { key: 'subject', header: 'objet', required: true },
  { key: 'content', header: 'contenu', required: true },
  { key: 'expected', header: 'réaction attendue', required: true },
  { key: 'objective', header: 'objectif', required: false },
  { key: 'criterion', header: 'critère d’évaluation', required: false },
  { key: 'notes', header: 'notes animateur', required: false },
] as const;

export type SheetColumnKey = (typeof sheetColumns)[number]['key'];

/** The header people read for a column (`canal`), used in error messages. */
export function columnHeader(key: SheetColumnKey): string {
  return sheetColumns.find((column) => column.key === key)?.header ?? key;
}

/** Other spellings found in hand-made chronogrammes. */
const headerAliases: Record<string, SheetColumnKey> = {
  heure: 'offset',
  t: 'offset',
  'horaire (depuis debex)': 'offset',
  destinataires: 'recipients',
  'reactions attendues': 'expected',
  'actions attendues': 'expected',
  'action attendue': 'expected',
  titre: 'subject',
  objectifs: 'objective',
  critere: 'criterion',
  "critere d'evaluation": 'criterion',
  "criteres d'evaluation": 'criterion',
  "critere(s) d'evaluation": 'criterion',
  'note animateur': 'notes',
  'notes animateurs': 'notes',
};

/** Lowercase, no accents, straight apostrophes and dashes, single spaces: how every name typed in a sheet is compared. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Header text → column key, or null for a column the import ignores. */
export function columnOfHeader(header: string): SheetColumnKey | null {
  const name = normalizeName(header);
  const column = sheetColumns.find((c) => normalizeName(c.header) === name);
  return column?.key ?? ownValue(headerAliases, name) ?? null;
}

/** Something a name may designate: an id with its label. */
export interface Named {
  id: string;
  label: string;
}

export type Resolution = { ok: true; id: string } | { ok: false; message: string };

/** What a name designates, for messages: `{ one: 'cellule', none: 'aucune cellule', known: 'connues' }`. */
export interface Noun {
  one: string;
  none: string;
  known: string;
}

export const nouns = {
  actor: { one: 'acteur simulé', none: 'aucun acteur simulé', known: 'connus' },
  cell: { one: 'cellule', none: 'aucune cellule', known: 'connues' },
  objective: { one: 'objectif', none: 'aucun objectif', known: 'connus' },
} satisfies Record<string, Noun>;

/** Finds the item a sheet cell names, by id first, then by label. */
export function resolveName(value: string, items: readonly Named[], noun: Noun): Resolution {
  const name = normalizeName(value);
  const byId = items.filter((item) => normalizeName(item.id) === name);
  const matches = byId.length > 0 ? byId : items.filter((item) => normalizeName(item.label) === name);
  const [first] = matches;
  if (matches.length === 1 && first) return { ok: true, id: first.id };
  if (matches.length > 1) return { ok: false, message: `« ${value} » est ambigu : ${noun.one} ${matches.map((m) => m.id).join(' ou ')} ?` };
  return { ok: false, message: `« ${value} » ne désigne ${noun.none} (${noun.known} : ${items.map((item) => item.id).join(', ')})` };
}

const channelAliases: Record<string, Channel> = {
  email: 'mail',
  'e-mail': 'mail',
  courriel: 'mail',
  tel: 'telephone',
  appel: 'telephone',
  'appel telephonique': 'telephone',
  texto: 'sms',
  'reseaux sociaux': 'reseaux_sociaux',
  'reseau social': 'reseaux_sociaux',
  rs: 'reseaux_sociaux',
  tv: 'radio',
  'radio/tv': 'radio',
  visioconference: 'visio',
  'visio-conference': 'visio',
  'note ecrite': 'note',
  'note manuscrite': 'note',
};

/** « Courriel », « mail », « e-mail » → `mail`; null when unknown. */
export function channelOf(value: string): Channel | null {
  const name = normalizeName(value);
  const direct = Channel.options.find((channel) => channel === name || normalizeName(channelLabels[channel]) === name);
  return direct ?? ownValue(channelAliases, name) ?? null;
}

/**
 * « Prévu », « contingence », « info » → the stimulus type; null when unknown. Regional kits call a planned row
 * simply « stimulus » (as opposed to a contingency or an information): it reads as `prevu`.
 */
export function stimulusTypeOf(value: string): StimulusType | null {
  const name = normalizeName(value);
  if (name === 'info') return 'information';
  if (name === 'stimulus' || name === 'stimuli') return 'prevu';
  return StimulusType.options.find((type) => type === name || normalizeName(stimulusTypeLabels[type]) === name) ?? null;
}

/**
 * Offsets as people type them: `0:30` → `00:30`, `T+01:15` → `01:15`. What is left is checked by the schema.
 */
export function normalizeOffsetCell(value: string): string {
  const text = value.trim().replace(/^[TH]\s*\+\s*/i, '');
  return /^\d:\d{2}(:\d{2})?$/.test(text) ? `0${text}` : text;
}
