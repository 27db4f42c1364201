import { eventSpecs } from '../../shared/domain.js';

/**
 * Raw values a sentence of the chronology must never show: enum values of the payloads that are not French
 * words (« degrade », « speed », « a_faire »…), and what a template literal leaves when a value is missing.
 * French words that happen to be enum values too (« pause », « critique », « information ») are left out:
 * they may be said.
 */
export const rawEnumValues = [
  // care modes, clock actions, entry types, draft kinds and statuses, action statuses, call outcomes
  'degrade',
  'arret',
  'start',
  'resume',
  'speed',
  'jump',
  'end',
  'point_situation',
  'decision',
  'communique_presse',
  'reseaux_sociaux',
  'elements_langage',
  'note_interne',
  'note_aux_elus',
  'point_presse',
  'a_reprendre',
  'fige',
  'a_faire',
  'en_cours',
  'abandonnee',
  'non_joint',
  'message_laisse',
  // channels, deliveries, reasons, undo kinds, roles, room modes, sitrep recipients, care functions
  'telephone',
  'mail',
  'undeliverable',
  'simulated',
  'real',
  'relay',
  'escalation',
  'alert',
  'acknowledge',
  'acknowledgement',
  'exercise',
  'crisis',
  'director',
  'player',
  'evaluator',
  'observer',
  'cod',
  'corruss',
  'direction-ars',
  'si_dpi',
  'regulation_samu',
  'urgencesOuvertes',
  'litsFermes',
];

const leftovers = ['null', 'undefined', 'NaN', '[object', 'true', 'false'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `token` as a whole word: « ars » is not found in « mars » nor in « ARS », « ars-astreinte » is one word. */
const wordIn = (token: string, text: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(token)}(?![\\p{L}\\p{N}_-])`, 'u').test(text);

/**
 * What `sentence` leaks: raw enum values, `ids` (cells, chain actors and links), the FINESS number of an
 * establishment it could have named, event types, JavaScript leftovers, bracketed codes (« [decision] »), and
 * generic descriptions.
 */
export function leaksIn(sentence: string, ids: readonly string[] = [], knownFiness: ReadonlySet<string> = new Set()): string[] {
  const found = [...rawEnumValues, ...ids].filter((token) => wordIn(token, sentence));
  found.push(...[...sentence.matchAll(/(?<![\p{L}\p{N}])[0-9A-Z]{9}(?![\p{L}\p{N}])/gu)].map((m) => m[0]).filter((x) => knownFiness.has(x)));
  found.push(...leftovers.filter((token) => (token.startsWith('[') ? sentence.includes(token) : wordIn(token, sentence))));
  if (/\[[^\]]*\]/.test(sentence)) found.push('[…]');
  for (const spec of eventSpecs) {
    if (wordIn(spec.type, sentence)) found.push(spec.type);
    if (sentence.includes(spec.description)) found.push(`description of ${spec.type}`);
  }
  if (sentence.trim() === '') found.push('empty');
  return found;
}
