import { defineSentence, quote } from '../core/sentence.js';
import { codClosed, codOpened, crapsActivated, crapsDeactivated, functionAssigned, mobilisationSet } from './events.js';
import { functionLabels, mobilisationLabels } from './labels.js';

/** The organisation in words, for the RETEX chronology, the replay and the exports: who, and what changed. */
export const organisationSentences = [
  defineSentence(
    mobilisationSet,
    (p, c) => `Mobilisation de l'ARS : ${mobilisationLabels[p.level]}, au lieu de ${mobilisationLabels[p.previous]} (par ${c.who})${p.note ? ` — ${quote(p.note)}` : ''}`,
  ),
  defineSentence(crapsActivated, (_p, c) => `${c.who} active la CRAPS (cellule régionale d'appui et de pilotage sanitaire)`),
  defineSentence(crapsDeactivated, (_p, c) => `${c.who} désactive la CRAPS`),
  defineSentence(functionAssigned, (p, c) => {
    const fn = `la fonction « ${functionLabels[p.function]} »`;
    if (p.holder) return `${c.who} confie ${fn} à ${p.holder.name}`;
    const previous = c.state.organisation.functions[p.function];
    return `${c.who} retire ${fn} à ${previous ? previous.name : 'son titulaire'}`;
  }),
  defineSentence(codOpened, (_p, c) => `${c.who} ouvre le COD (centre opérationnel départemental) de la Préfecture`),
  defineSentence(codClosed, (_p, c) => `${c.who} ferme le COD de la Préfecture`),
];
