import { defineSentence } from '../core/sentence.js';
import { archiveSealed } from './archive-seal.js';
import { retexReleased } from './release.js';

/** The RETEX's own events in words. */
export const retexSentences = [
  defineSentence(retexReleased, (_p, c) => `${c.who} ouvre le rapport RETEX à tous les participants`),
  defineSentence(archiveSealed, (p) => `Archive exportée : l'empreinte de ${p.docs.length} document(s) partagé(s) est scellée dans le journal`),
];
