/**
 * FINESS names are written in capitals without accents (« CH EVREUX CH EURE-SEINE »). A report reads better
 * with « CH Evreux CH Eure-Seine »: acronyms stay capitals, small words go lowercase, the common words of the
 * nomenclature get their accents back. Place names keep no accent (the file has none to restore).
 */

/** Acronyms of the FINESS names that must stay in capitals even though they hold a vowel. */
const acronyms = new Set([
  'CHU',
  'CHRU',
  'CHI',
  'CHIC',
  'CHIR',
  'SAMU',
  'SMUR',
  'SAU',
  'USLD',
  'EHPAD',
  'HAD',
  'IME',
  'MAS',
  'FAM',
  'ESAT',
  'EPSM',
  'UGECAM',
  'ESPIC',
  'SSIAD',
  'CSAPA',
  'CATTP',
  'UNV',
  'USIC',
  'GIE',
  'SAS',
  'SA',
  'SARL',
  'SELARL',
  'II',
  'III',
  'IV',
  'VI',
]);

const smallWords = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'sur', 'sous', 'aux', 'au']);

/** Words of the nomenclature whose accents the file dropped. */
const accented: Readonly<Record<string, string>> = {
  hopital: 'hôpital',
  hopitaux: 'hôpitaux',
  medical: 'médical',
  medicale: 'médicale',
  medicaux: 'médicaux',
  medico: 'médico',
  sante: 'santé',
  reeducation: 'rééducation',
  readaptation: 'réadaptation',
  geriatrique: 'gériatrique',
  pediatrique: 'pédiatrique',
  etablissement: 'établissement',
  specialise: 'spécialisé',
  specialisee: 'spécialisée',
  prive: 'privé',
  privee: 'privée',
  general: 'général',
  generale: 'générale',
  regional: 'régional',
  regionale: 'régionale',
  departemental: 'départemental',
  departementale: 'départementale',
  residence: 'résidence',
  securite: 'sécurité',
  sejour: 'séjour',
  federation: 'fédération',
  mutualite: 'mutualité',
  pole: 'pôle',
};

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** One word (no space, no dash): an acronym, a small word, or a capitalised word with its accents. */
function readableWord(word: string, first: boolean): string {
  if (word === '') return word;
  const lower = word.toLowerCase();
  // A lone letter is an elided article (« L'AIGLE », « D'EVREUX »); « ST » is Saint, not an acronym.
  if (word.length === 1) return first ? word : lower;
  if (word === 'ST') return 'St';
  // Acronyms: the known ones, and any word without a vowel (CH, CHS, SMR, GHT, CLCC).
  if (acronyms.has(word) || !/[AEIOUY]/.test(word)) return word;
  if (!first && smallWords.has(lower)) return lower;
  return capitalise(accented[lower] ?? lower);
}

/** A word with its dashes and apostrophes: « VERNEUIL-SUR-AVRE » → « Verneuil-sur-Avre », « L'AIGLE » → « L'Aigle ». */
function readableToken(token: string, first: boolean): string {
  return token
    .split(/([-'’])/)
    .map((part, i) => (part === '-' || part === "'" || part === '’' ? part : readableWord(part, first && i === 0)))
    .join('');
}

/**
 * The name of an establishment as a report writes it. A name that already has lowercase letters (a scenario's
 * fictional site, a corrected file) is kept as it is.
 */
export function establishmentDisplayName(nom: string): string {
  const name = nom.trim().replace(/\s+/g, ' ');
  if (/[a-zà-ÿ]/.test(name)) return name;
  return name
    .split(' ')
    .map((token, i) => readableToken(token, i === 0))
    .join(' ');
}
