import { channelPhrases } from '../core/channels.js';
import { dictGet } from '../core/dict.js';
import { defineSentence, listFr, quote, type SentenceContext } from '../core/sentence.js';
import type { RoomState } from '../room-state.js';
import { formatExerciseTime } from './clock.js';
import {
  briefingPublished,
  observerKitPublished,
  scenarioLoaded,
  stimulusAcknowledged,
  stimulusCancelled,
  stimulusCreated,
  stimulusDeferred,
  stimulusEdited,
  stimulusInjected,
  stimulusLinked,
  stimulusReplied,
  stimulusSkipped,
} from './stimuli-events.js';
import type { LinkKind } from './stimuli-state.js';
import { stimulusAssigned } from './stimulus-assignment.js';

/** « S05 « Premiers messages sur les réseaux sociaux » », from what the audience knew of the stimulus. */
export function stimulusSaid(state: RoomState, id: string): string {
  const subject = dictGet(state.exercise.inbox, id)?.subject ?? dictGet(state.exercise.animator?.items, id)?.stimulus.subject;
  return subject ? `${id} ${quote(subject, 120)}` : id;
}

/** A simulated actor of the scenario by its label. */
function senderSaid(state: RoomState, id: string): string {
  const actors = state.exercise.animator?.scenario.simulatedActors ?? state.exercise.scenario?.simulatedActors ?? [];
  return actors.find((a) => a.id === id)?.label ?? state.alertChain.actors.find((a) => a.id === id)?.label ?? 'un acteur simulé';
}

const linkKindPhrases: Record<LinkKind, string> = {
  mainCourante: "l'entrée de main courante",
  alertLink: "le lien d'alerte",
  establishment: "l'établissement",
  comms: 'la communication',
};

/** « pour la Préfecture » when someone acts for another cell than their own (the animation, a director). */
const forCell = (c: SentenceContext, actorCell: string | undefined, cell: string) => (actorCell === cell ? '' : ` pour ${c.cell(cell)}`);

/** The exercise's set-up and its stimuli, in words: subjects and cells by name. */
export const stimulusSentences = [
  defineSentence(scenarioLoaded, (p) => `Scénario « ${p.scenario.title} » chargé : ${p.scenario.chronogramme.length} stimuli au chronogramme`, { quiet: true }),
  defineSentence(briefingPublished, (p) => `Dossier de mise en situation « ${p.view.title} » et kit joueur publiés`, { quiet: true }),
  defineSentence(observerKitPublished, (p) => `Grille d'évaluation publiée pour les évaluateurs : ${p.objectives.length} objectif(s), ${p.expectedActions.length} action(s) attendue(s)`, {
    quiet: true,
  }),
  defineSentence(stimulusInjected, (p, c) => {
    const { item } = p;
    return `Stimulus ${item.id} reçu par ${listFr(item.recipients.map(c.cell))} — ${item.sender.label}, ${channelPhrases[item.channel]} : ${quote(item.subject, 160)}`;
  }),
  defineSentence(stimulusSkipped, (p, c) => `${c.who} retire du chronogramme le stimulus ${stimulusSaid(c.state, p.id)}`),
  defineSentence(stimulusCancelled, (p, c) => `Stimulus de contingence ${stimulusSaid(c.state, p.id)} annulé : l'action qu'il vérifie a eu lieu à temps`),
  defineSentence(stimulusDeferred, (p, c) => `${c.who} décale le stimulus ${stimulusSaid(c.state, p.id)} à T+${formatExerciseTime(p.to)}`, { quiet: true }),
  defineSentence(stimulusEdited, (p, c) => `${c.who} modifie le stimulus ${p.stimulus.id} ${quote(p.stimulus.subject, 120)} avant son envoi`, { quiet: true }),
  defineSentence(
    stimulusCreated,
    (p, c) =>
      `${c.who} écrit le stimulus ${p.stimulus.id} ${quote(p.stimulus.subject, 120)} de la part de ${senderSaid(c.state, p.stimulus.sender)} pour ${listFr(p.stimulus.recipients.map(c.cell))}${
        p.inReplyTo ? `, en réponse à ${stimulusSaid(c.state, p.inReplyTo)}` : ''
      }`,
    { quiet: true },
  ),
  defineSentence(stimulusAcknowledged, (p, c, e) => `${c.who} accuse réception${forCell(c, e.actor.cell, p.cell)} du stimulus ${stimulusSaid(c.state, p.id)}`),
  defineSentence(stimulusReplied, (p, c, e) => `${c.who} répond${forCell(c, e.actor.cell, p.cell)} au stimulus ${stimulusSaid(c.state, p.id)} : ${quote(p.text)}`),
  defineSentence(stimulusLinked, (p, c) => `${c.who} relie le stimulus ${stimulusSaid(c.state, p.id)} à ${linkKindPhrases[p.kind]} ${quote(p.label, 120)}`),
  defineSentence(stimulusAssigned, (p, c) =>
    p.assignee ? `${c.who} attribue le stimulus ${stimulusSaid(c.state, p.id)} à ${p.assignee.name}` : `${c.who} retire l'attribution du stimulus ${stimulusSaid(c.state, p.id)}`,
  ),
];
