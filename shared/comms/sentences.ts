import { defineSentence, ofFr, quote, type SentenceContext } from '../core/sentence.js';
import type { DraftKind } from './draft.js';
import { changesRequested, draftCreated, draftPublished, draftReopened, draftSealed, draftSubmitted, draftValidated, validatorSet } from './events.js';

/** Draft kinds as the communication tab names them (`client/comms/messages.ts`), with their article. */
export const draftKindPhrases: Record<DraftKind, { bare: string; the: string }> = {
  communique_presse: { bare: 'communiqué de presse', the: 'le communiqué de presse' },
  reseaux_sociaux: { bare: 'message pour les réseaux sociaux', the: 'le message pour les réseaux sociaux' },
  elements_langage: { bare: 'éléments de langage', the: 'les éléments de langage' },
  note_interne: { bare: 'note interne', the: 'la note interne' },
};

/** A draft by its kind and title: « le communiqué de presse « Prise en charge des patients » ». */
function draftSaid(c: SentenceContext, draftId: string): string {
  const draft = c.state.comms.drafts.find((d) => d.id === draftId);
  return draft ? `${draftKindPhrases[draft.kind].the} ${quote(draft.title, 120)}` : 'un brouillon de communication';
}

/** Public communication in words: drafts by kind and title, versions by number. */
export const commsSentences = [
  defineSentence(draftCreated, (p, c) => `${c.who} ouvre un brouillon ${ofFr(draftKindPhrases[p.kind].bare)} : ${quote(p.title, 120)}`),
  defineSentence(draftSubmitted, (p, c) => `${c.who} soumet à validation ${draftSaid(c, p.draftId)}`),
  // The server reads the submitted text right after the submission: the chronology already tells it.
  defineSentence(draftSealed, (p, c) => `Texte soumis ${ofFr(draftSaid(c, p.draftId))} relevé et scellé pour la relecture`, { quiet: true }),
  defineSentence(draftValidated, (p, c) => `${c.who} valide la version ${p.number} ${ofFr(draftSaid(c, p.draftId))}`),
  defineSentence(changesRequested, (p, c) => `${c.who} renvoie ${draftSaid(c, p.draftId)} à reprendre${p.comments.trim() ? ` : ${quote(p.comments)}` : ''}`),
  defineSentence(draftPublished, (p, c) => {
    const exercise = c.state.room.mode === 'exercise' ? " (transmise à l'animation)" : '';
    return `${c.who} publie la version ${p.number} ${ofFr(draftKindPhrases[p.kind].the)} ${quote(p.title, 120)}${exercise}`;
  }),
  defineSentence(draftReopened, (p, c) => `${c.who} rouvre ${draftSaid(c, p.draftId)} pour une nouvelle version`),
  defineSentence(validatorSet, (p, c, e) =>
    e.actor.kind === 'system' ? `${c.cell(p.cell)} valide la communication publique` : `${c.who} désigne ${c.cell(p.cell)} pour valider la communication publique`,
  ),
];
