import { defineSentence, quote, type SentenceContext } from '../core/sentence.js';
import { stimulusSaid } from '../exercise/stimuli-sentences.js';
import { decisionEntryId } from '../decisions/decision-entry.js';
import type { EntryLinks, EntryType } from './entry.js';
import { entryAdded, entryFlagged, entryVerified } from './events.js';
import { verificationStatusLabels } from './verification.js';

/** Entry types as the main courante's own tab writes them (`client/main-courante/messages.ts`). */
export const entryTypeLabels: Record<EntryType, string> = {
  information: 'Information',
  decision: 'Décision',
  action: 'Action',
  demande: 'Demande',
  point_situation: 'Point de situation',
};

/** What an entry points to, by name: « (à propos de CH Evreux, stimulus S05 « … ») ». */
function aboutSaid(c: SentenceContext, links: EntryLinks): string {
  const about = [
    links.finess ? c.establishment(links.finess) : null,
    links.stimulusId ? `stimulus ${stimulusSaid(c.state, links.stimulusId)}` : null,
    links.alertLinkId ? `lien ${c.link(links.alertLinkId)}` : null,
  ].filter((x): x is string => x !== null);
  return about.length ? ` (à propos de ${about.join(', ')})` : '';
}

/** The main courante in words: the entry's type, its author and its text. */
export const mainCouranteSentences = [
  defineSentence(entryAdded, ({ entry }, c) => {
    // A decision's own entry, written by the server from the board: said by its title, not its coded text.
    const decision = c.state.decisions.decisions.find((d) => decisionEntryId(d.id) === entry.id);
    if (decision) return `Décision ${quote(decision.title, 160)} de ${c.who} inscrite à la main courante`;
    const marks = [entry.significant ? 'événement significatif' : null, entry.corrects ? 'corrige une entrée précédente' : null].filter(Boolean);
    return `${entryTypeLabels[entry.type]} de ${c.who}${marks.length ? ` (${marks.join(', ')})` : ''} : ${quote(entry.text)}${aboutSaid(c, entry.links)}`;
  }),
  defineSentence(entryFlagged, (p, c) => `${c.who} signale comme événement significatif l'entrée de ${p.entry.author} (${entryTypeLabels[p.entry.type]}) : ${quote(p.entry.text)}`),
  defineSentence(
    entryVerified,
    ({ verification, entry }, c) => `${c.who} déclare ${verificationStatusLabels[verification.status]} l'information de ${entry.author} : ${quote(entry.text)}${aboutSaid(c, entry.links)}`,
  ),
];
