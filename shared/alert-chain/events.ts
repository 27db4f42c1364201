import { z } from 'zod';
import { Channel } from '../core/channels.js';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { AlertChainTemplate, ChainActor, ChainLinkTemplate, DeadlineStage, FactId } from './template.js';
import { acknowledgementGraceMinutes } from './timing.js';
import { newLink, type AlertChainState, type ChainAuthor, type ChainLink } from './state.js';

/**
 * Events of the alert chain. Every one is visible to the whole room: the chain is the shared board of
 * who alerted whom. Reducers ignore a link id they do not know, so a replay never throws.
 */
const LinkId = ChainLinkTemplate.shape.id;
const authorOf = (event: RoomEvent): ChainAuthor => ({ name: event.actor.name, role: event.actor.role, cell: event.actor.cell });
const at = (event: RoomEvent) => ({ by: authorOf(event), exerciseTime: event.exerciseTime, wallTime: event.wallTime });

function withChain(state: RoomState, change: (chain: AlertChainState) => AlertChainState): RoomState {
  return { ...state, alertChain: change(state.alertChain) };
}

function updateLink(state: RoomState, linkId: string, change: (link: ChainLink) => ChainLink): RoomState {
  return withChain(state, (chain) => ({ ...chain, links: chain.links.map((l) => (l.id === linkId ? change(l) : l)) }));
}

export const chainDefined = defineEvent({
  type: 'alertChain.defined',
  description: "La chaîne d'alerte de la salle est définie (chaîne ORSAN Cyber par défaut ou celle du scénario).",
  payload: z.object({ template: AlertChainTemplate }),
  // `room.created` comes first in every log: the room's mode is known here.
  apply: (state, p) =>
    withChain(state, () => ({
      defined: true,
      animated: state.room.mode === 'exercise',
      actors: p.template.actors,
      links: p.template.links.map((l) => newLink(l)),
      facts: p.template.facts ?? [],
      knownFacts: [],
    })),
});

/** `from` and `to` are copied from the link so that a stimulus condition can match on them (`to: prefecture`). */
const Ends = { from: ChainActor.shape.id, to: ChainActor.shape.id };

/** `scriptedBy`: the stimulus whose injection played this step (`chainSteps`), not a person. */
const ScriptedBy = z.string().max(40).optional();

export const AlertSentPayload = z.object({
  linkId: LinkId,
  ...Ends,
  channel: Channel,
  channels: z.array(Channel).max(4).optional(),
  message: z.string(),
  scriptedBy: ScriptedBy,
});
export const alertSent = defineEvent({
  type: 'alertChain.alertSent',
  description: "Un acteur en alerte un autre : qui, par quel canal, avec quel message, à quelle heure d'exercice.",
  payload: AlertSentPayload,
  apply: (state, p, event) =>
    updateLink(state, p.linkId, (l) => ({
      ...l,
      status: 'alerte',
      alert: { ...at(event), channel: p.channel, channels: p.channels ?? [p.channel], message: p.message, ...(p.scriptedBy ? { scriptedBy: p.scriptedBy } : {}) },
    })),
});

/** The contact acknowledged through the one-click link of an outbound message (server/notifications/ack-routes.ts). */
export const AcknowledgementViaPayload = z.object({
  channel: z.literal('lien'),
  notificationId: z.string().max(20),
  contact: z.string().max(120),
  reply: z.string().max(300).nullable(),
});

export const linkAcknowledged = defineEvent({
  type: 'alertChain.acknowledged',
  description: "L'acteur alerté accuse réception (la cellule qui le joue, ou l'animation s'il est simulé).",
  payload: z.object({ linkId: LinkId, ...Ends, via: AcknowledgementViaPayload.optional(), scriptedBy: ScriptedBy }),
  apply: (state, p, event) =>
    updateLink(state, p.linkId, (l) => ({ ...l, status: 'accuse', acknowledgement: { ...at(event), via: p.via ?? null, ...(p.scriptedBy ? { scriptedBy: p.scriptedBy } : {}) } })),
});

export const CorrectedPayload = z.object({ linkId: LinkId, note: z.string(), undo: z.enum(['alert', 'acknowledgement']).nullable() });
export const linkCorrected = defineEvent({
  type: 'alertChain.corrected',
  description: "Correction d'un lien : une note, et éventuellement l'annulation de sa dernière étape (jamais une réécriture).",
  payload: CorrectedPayload,
  apply: (state, p, event) =>
    updateLink(state, p.linkId, (l) => {
      const cancelled = p.undo === 'alert' ? l.alert : p.undo === 'acknowledgement' ? l.acknowledgement : null;
      const corrections = [...l.corrections, { note: p.note, undo: p.undo, cancelled, ...at(event) }];
      if (p.undo === 'alert') return { ...l, status: 'a_alerter', alert: null, corrections };
      if (p.undo === 'acknowledgement') return { ...l, status: 'alerte', acknowledgement: null, corrections };
      return { ...l, corrections };
    }),
});

/** `kind: 'stage'` names the missed stage (`stageId`) of a staged link: a later stage than the alert. */
export const OverduePayload = z.object({
  linkId: LinkId,
  kind: z.enum(['alert', 'acknowledge', 'stage']),
  stageId: DeadlineStage.shape.id.optional(),
  deadlineExerciseTime: z.number().int(),
});
export const linkOverdue = defineEvent({
  type: 'alertChain.overdue',
  description: "Le serveur constate qu'un lien est en retard : pas alerté, pas d'accusé de réception, ou un palier non transmis, à l'échéance (heure d'exercice).",
  payload: OverduePayload,
  apply: (state, p) =>
    updateLink(state, p.linkId, (l) => {
      if (p.kind !== 'stage') return { ...l, overdue: { ...l.overdue, [p.kind]: p.deadlineExerciseTime } };
      return { ...l, stages: l.stages.map((s) => (s.id === p.stageId && s.overdue === null ? { ...s, overdue: p.deadlineExerciseTime } : s)) };
    }),
});

export const factRecorded = defineEvent({
  type: 'alertChain.factRecorded',
  description: "Un fait nommé est établi (violation de données personnelles…) : les liens comptés depuis ce fait partent de l'heure où il est connu.",
  payload: z.object({ fact: FactId, at: z.number().int().min(0), scriptedBy: ScriptedBy }),
  apply: (state, p, event) =>
    withChain(state, (chain) =>
      chain.knownFacts.some((f) => f.id === p.fact)
        ? chain
        : { ...chain, knownFacts: [...chain.knownFacts, { id: p.fact, at: p.at, ...at(event), ...(p.scriptedBy ? { scriptedBy: p.scriptedBy } : {}) }] },
    ),
});

export const stageCompleted = defineEvent({
  type: 'alertChain.stageCompleted',
  description: "Un palier d'un lien à échéances multiples est transmis (notification NIS2, rapport final…), à l'heure d'exercice.",
  payload: z.object({ linkId: LinkId, ...Ends, stageId: DeadlineStage.shape.id, scriptedBy: ScriptedBy }),
  apply: (state, p, event) =>
    updateLink(state, p.linkId, (l) => ({
      ...l,
      stages: l.stages.map((s) => (s.id === p.stageId && s.done === null ? { ...s, done: { ...at(event), ...(p.scriptedBy ? { scriptedBy: p.scriptedBy } : {}) } } : s)),
    })),
});

export const EscalatedPayload = z.object({ linkId: LinkId, backup: ChainActor.shape.id, newLinkId: LinkId });
export const linkEscalated = defineEvent({
  type: 'alertChain.escalated',
  description: "Faute d'accusé de réception à temps, l'alerte est portée vers l'acteur de secours : un nouveau lien est à alerter.",
  payload: EscalatedPayload,
  apply: (state, p, event) =>
    withChain(state, (chain) => {
      const source = chain.links.find((l) => l.id === p.linkId);
      if (!source || chain.links.some((l) => l.id === p.newLinkId)) return chain;
      const template = { id: p.newLinkId, from: source.from, to: p.backup, channel: source.channel, deadlineMinutes: acknowledgementGraceMinutes, trigger: 'upstream' as const };
      const escalation = newLink(template, { triggerAt: event.exerciseTime, escalatedFrom: source.id });
      const links = chain.links.map((l) => (l.id === source.id ? { ...l, escalatedTo: p.newLinkId } : l));
      return { ...chain, links: [...links, escalation] };
    }),
});

export const linkRelayed = defineEvent({
  type: 'alertChain.relayed',
  description: "Faute d'accusé de réception à temps, l'alerte est portée au contact suivant de l'annuaire pour le même acteur.",
  payload: z.object({ linkId: LinkId, rank: z.number().int().min(1).max(99) }),
  apply: (state, p, event) => updateLink(state, p.linkId, (l) => ({ ...l, relayedAt: event.exerciseTime })),
});

export const actorAdded = defineEvent({
  type: 'alertChain.actorAdded',
  description: 'La direction de crise ajoute un acteur à la chaîne en direct.',
  payload: z.object({ actor: ChainActor }),
  apply: (state, p) => withChain(state, (chain) => ({ ...chain, actors: [...chain.actors, p.actor] })),
});

export const linkAdded = defineEvent({
  type: 'alertChain.linkAdded',
  description: 'La direction de crise ajoute un lien à la chaîne en direct.',
  payload: z.object({ link: ChainLinkTemplate }),
  apply: (state, p) => withChain(state, (chain) => ({ ...chain, links: [...chain.links, newLink(p.link)] })),
});

export const linkRemoved = defineEvent({
  type: 'alertChain.linkRemoved',
  description: "La direction de crise retire de la chaîne un lien qui n'a pas été alerté.",
  payload: z.object({ linkId: LinkId }),
  apply: (state, p) => withChain(state, (chain) => ({ ...chain, links: chain.links.filter((l) => l.id !== p.linkId) })),
});

export const alertChainEvents = [chainDefined, alertSent, linkAcknowledged, linkCorrected, linkOverdue, linkEscalated, linkRelayed, actorAdded, linkAdded, linkRemoved, factRecorded, stageCompleted];
