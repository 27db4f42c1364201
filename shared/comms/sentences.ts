import { defineSentence, listFr, ofFr, quote, type SentenceContext } from '../core/sentence.js';
import type { DraftKind } from './draft.js';
import { channelPhrases } from '../core/channels.js';
import { changesRequested, draftCreated, draftPublished, draftReopened, draftSealed, draftSubmitted, draftValidated, jointApprovalVoided, jointApproved, jointSet, validatorSet } from './events.js';
import { jointCellPhrase, jointParties, missingParties } from './joint.js';
import { rumourDenied, rumourRecorded } from './rumour.js';

/** Draft kinds as the communication tab names them (`client/comms/messages.ts`), with their article. */
export const draftKindPhrases: Record<DraftKind, { bare: string; the: string }> = {
  communique_presse: { bare: 'communiqué de presse', the: 'le communiqué de presse' },
  reseaux_sociaux: { bare: 'message pour les réseaux sociaux', the: 'le message pour les réseaux sociaux' },
  elements_langage: { bare: 'éléments de langage', the: 'les éléments de langage' },
  note_interne: { bare: 'note interne', the: 'la note interne' },
  note_aux_elus: { bare: 'note aux élus', the: 'la note aux élus' },
  point_presse: { bare: 'point presse', the: 'le point presse' },
};

/** « l'ARS et la Préfecture »: the parties of a joint product, named as a sentence names them. */
const bothParties = listFr(jointParties.map((p) => p.the));

/** A rumour by its text: « la rumeur « Des patients seraient transférés » ». */
function rumourSaid(c: SentenceContext, id: string): string {
  const rumour = c.state.comms.rumours.find((r) => r.id === id);
  return rumour ? `la rumeur ${quote(rumour.text, 120)}` : 'une rumeur';
}

/** A draft by its kind and title: « le communiqué de presse « Prise en charge des patients » ». */
function draftSaid(c: SentenceContext, draftId: string): string {
  const draft = c.state.comms.drafts.find((d) => d.id === draftId);
  return draft ? `${draftKindPhrases[draft.kind].the} ${quote(draft.title, 120)}` : 'un brouillon de communication';
}

/** Public communication in words: drafts by kind and title, versions by number. */
export const commsSentences = [
  defineSentence(draftCreated, (p, c) => `${c.who} ouvre un brouillon ${ofFr(draftKindPhrases[p.kind].bare)} : ${quote(p.title, 120)}${p.joint ? ` (validation conjointe de ${bothParties})` : ''}`),
  defineSentence(draftSubmitted, (p, c) => `${c.who} soumet à validation ${draftSaid(c, p.draftId)}`),
  // The server reads the submitted text right after the submission: the chronology already tells it.
  defineSentence(draftSealed, (p, c) => `Texte soumis ${ofFr(draftSaid(c, p.draftId))} relevé et scellé pour la relecture`, { quiet: true }),
  defineSentence(draftValidated, (p, c) =>
    p.joint
      ? `Version ${p.number} ${ofFr(draftSaid(c, p.draftId))} validée conjointement par ${bothParties} (même texte, même empreinte)`
      : `${c.who} valide la version ${p.number} ${ofFr(draftSaid(c, p.draftId))}`,
  ),
  defineSentence(changesRequested, (p, c) => `${c.who} renvoie ${draftSaid(c, p.draftId)} à reprendre${p.comments.trim() ? ` : ${quote(p.comments)}` : ''}`),
  defineSentence(draftPublished, (p, c) => {
    const exercise = c.state.room.mode === 'exercise' ? " (transmise à l'animation)" : '';
    return `${c.who} publie la version ${p.number} ${ofFr(draftKindPhrases[p.kind].the)} ${quote(p.title, 120)}${exercise}`;
  }),
  defineSentence(draftReopened, (p, c) => `${c.who} rouvre ${draftSaid(c, p.draftId)} pour une nouvelle version`),
  defineSentence(validatorSet, (p, c, e) =>
    e.actor.kind === 'system' ? `${c.cell(p.cell)} valide la communication publique` : `${c.who} désigne ${c.cell(p.cell)} pour valider la communication publique`,
  ),
  defineSentence(jointSet, (p, c) =>
    p.joint ? `${c.who} demande la validation conjointe de ${bothParties} pour ${draftSaid(c, p.draftId)}` : `${c.who} retire la validation conjointe ${ofFr(draftSaid(c, p.draftId))}`,
  ),
  defineSentence(jointApproved, (p, c) => {
    // Told against the room just before: the cells still missing once this one has validated.
    const draft = c.state.comms.drafts.find((d) => d.id === p.draftId);
    const waiting = (draft ? missingParties(draft) : []).filter((cell) => cell !== p.cell).map(jointCellPhrase);
    const after = waiting.length ? ` ; en attente de ${listFr(waiting)}` : ` ; les deux cellules ont validé ce texte`;
    return `${c.who} valide pour ${jointCellPhrase(p.cell)} le texte ${ofFr(draftSaid(c, p.draftId))}${after}`;
  }),
  defineSentence(jointApprovalVoided, (p, c) => `Le texte ${ofFr(draftSaid(c, p.draftId))} a changé : la validation de ${listFr(p.cells.map(jointCellPhrase))} tombe, le nouveau texte est à valider`),
  defineSentence(rumourRecorded, (p, c) => `${c.who} relève une rumeur vue ${channelPhrases[p.channel]}${p.source.trim() ? ` (source : ${quote(p.source, 80)})` : ''} : ${quote(p.text, 160)}`),
  defineSentence(rumourDenied, (p, c) => {
    const draft = p.draftId === null ? undefined : c.state.comms.drafts.find((d) => d.id === p.draftId);
    const by = draft ? ` par ${draftKindPhrases[draft.kind].the} ${quote(draft.title, 120)}${p.version === null ? '' : ` (version ${p.version})`}` : '';
    return `${c.who} dément ${rumourSaid(c, p.id)}${by}${p.text.trim() ? ` : ${quote(p.text, 160)}` : ''}`;
  }),
];
