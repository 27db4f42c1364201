import { z } from 'zod';
import { Channel } from '../core/channels.js';
import { defineCommand } from '../core/define.js';
import { conflict, invalid, notFound, type DomainError } from '../core/errors.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { formatExerciseTime } from '../exercise/clock.js';
import { ChainActor, ChainLinkTemplate, DeadlineStage, FactId, stagesProblem, triggerFact } from './template.js';
import { acknowledgeRefusal, alertRefusal, correctionRefusal, editRefusal, factRefusal, stageRefusal } from './rules.js';
import { findActor, findFact, findLink } from './state.js';
import { outboundDrafts } from '../notifications/queue.js';
import { actorAdded, alertSent, factRecorded, linkAcknowledged, linkAdded, linkCorrected, linkRemoved, stageCompleted } from './events.js';

/**
 * Commands of the alert chain. Who may act for which actor is decided in `rules.ts` (shared with the UI);
 * here each command checks it, then records one event. Corrections are events too: nothing is rewritten.
 */
const LinkId = ChainLinkTemplate.shape.id;

function refuse(error: DomainError | null): void {
  if (error) throw error;
}

export const alertLink = defineCommand({
  type: 'alertChain.alert',
  description: "Alerter l'acteur destinataire d'un lien de la chaîne d'alerte (au nom de l'acteur émetteur).",
  payload: z.object({
    linkId: LinkId,
    /** Absent: the link's expected channel. */
    channel: Channel.optional(),
    /** Further channels the alert goes by at once (mail and SMS are both sent); absent: the link's own. */
    channels: z.array(Channel).max(4).optional(),
    message: z.string().trim().min(1, 'le message est obligatoire').max(2000),
  }),
  allowed: ['director', 'player'],
  example: { linkId: 'ars-prefecture', channel: 'telephone', message: "Cyberattaque au CH d'Avranches : plan blanc déclenché, bascule du 15 vers Caen." },
  decide: ({ state, actor, payload, now }) => {
    refuse(alertRefusal(state, actor, payload.linkId));
    const link = findLink(state.alertChain, payload.linkId)!;
    const channel = payload.channel ?? link.channel;
    const channels = [...new Set([channel, ...(payload.channels ?? (payload.channel ? [] : (link.channels ?? [])))])];
    const sender = `${actor.name} (${findActor(state.alertChain, link.from)?.label ?? link.from})`;
    // Mail and SMS leave the room through the outbox (or, in an exercise, the animation's simulated outbox).
    const outbound = outboundDrafts(state, { linkId: link.id, actorId: link.to, channels, message: payload.message, sender, reason: 'alert' }, now);
    return [alertSent.draft({ linkId: link.id, from: link.from, to: link.to, channel, channels, message: payload.message }, 'all'), ...outbound];
  },
});

export const acknowledgeLink = defineCommand({
  type: 'alertChain.acknowledge',
  description: "Accuser réception d'une alerte reçue (cellule qui joue le destinataire, ou animation s'il est simulé).",
  payload: z.object({ linkId: LinkId }),
  allowed: ['director', 'player'],
  example: { linkId: 'ars-prefecture' },
  decide: ({ state, actor, payload }) => {
    refuse(acknowledgeRefusal(state, actor, payload.linkId));
    const link = findLink(state.alertChain, payload.linkId)!;
    return [linkAcknowledged.draft({ linkId: link.id, from: link.from, to: link.to }, 'all')];
  },
});

export const correctLink = defineCommand({
  type: 'alertChain.correct',
  description: "Corriger un lien par un nouvel événement : une note, et au besoin l'annulation de l'alerte ou de l'accusé de réception saisi par erreur.",
  payload: z.object({
    linkId: LinkId,
    note: z.string().trim().min(1, 'la correction doit être motivée').max(2000),
    undo: z.enum(['alert', 'acknowledgement']).optional(),
  }),
  allowed: ['director', 'player'],
  example: { linkId: 'ars-prefecture', note: "Alerte saisie sur le mauvais lien : c'est le SIDPC qui a été appelé, pas le COD.", undo: 'alert' },
  decide: ({ state, actor, payload }) => {
    const undo = payload.undo ?? null;
    refuse(correctionRefusal(state, actor, payload.linkId, undo));
    return [linkCorrected.draft({ linkId: payload.linkId, note: payload.note, undo }, 'all')];
  },
});

const EditOperation = z.discriminatedUnion('op', [
  z.object({ op: z.literal('addActor'), actor: ChainActor }),
  z.object({ op: z.literal('addLink'), link: ChainLinkTemplate }),
  z.object({ op: z.literal('removeLink'), linkId: LinkId }),
]);
type EditOperation = z.infer<typeof EditOperation>;

function checkActor(state: RoomState, actor: ChainActor): void {
  if (findActor(state.alertChain, actor.id)) throw conflict(`L'acteur « ${actor.id} » existe déjà dans la chaîne.`);
  if (actor.kind === 'played' && !state.room.cells.some((c) => c.id === actor.cell)) {
    throw invalid(actor.cell ? `Cellule « ${actor.cell} » inconnue dans cette salle.` : 'Un acteur joué doit nommer sa cellule.');
  }
  if (actor.backup && !findActor(state.alertChain, actor.backup)) throw notFound(`Acteur de secours « ${actor.backup} » inconnu.`);
}

function checkLink(state: RoomState, link: ChainLinkTemplate): void {
  if (findLink(state.alertChain, link.id)) throw conflict(`Le lien « ${link.id} » existe déjà dans la chaîne.`);
  for (const end of [link.from, link.to]) if (!findActor(state.alertChain, end)) throw notFound(`Acteur « ${end} » inconnu dans la chaîne.`);
  if (link.from === link.to) throw invalid('Un lien relie deux acteurs différents.');
  const fact = triggerFact(link.trigger);
  if (fact !== null && !findFact(state.alertChain, fact)) throw notFound(`Fait « ${fact} » inconnu de la chaîne d'alerte.`);
  const problem = stagesProblem(link);
  if (problem) throw invalid(`Paliers du lien : ${problem}.`);
}

function checkRemoval(state: RoomState, linkId: string): void {
  const link = findLink(state.alertChain, linkId);
  if (!link) throw notFound(`Lien d'alerte « ${linkId} » inconnu.`);
  if (link.alert) {
    throw conflict(`Ce lien a été alerté à T+${formatExerciseTime(link.alert.exerciseTime)} : il reste au dossier. Ajoutez plutôt une correction.`);
  }
}

function editDrafts(state: RoomState, edit: EditOperation): EventDraft[] {
  switch (edit.op) {
    case 'addActor':
      checkActor(state, edit.actor);
      return [actorAdded.draft({ actor: edit.actor }, 'all')];
    case 'addLink':
      checkLink(state, edit.link);
      return [linkAdded.draft({ link: edit.link }, 'all')];
    case 'removeLink':
      checkRemoval(state, edit.linkId);
      return [linkRemoved.draft({ linkId: edit.linkId }, 'all')];
  }
}

export const editChain = defineCommand({
  type: 'alertChain.editTemplate',
  description: 'Mode crise : la direction ajoute un acteur, ajoute un lien ou retire un lien non alerté, en direct.',
  payload: EditOperation,
  allowed: ['director'],
  example: { op: 'addActor', actor: { id: 'sdis', label: 'SDIS — CTA-CODIS', kind: 'simulated' } },
  decide: ({ state, actor, payload }) => {
    refuse(editRefusal(state, actor));
    return editDrafts(state, payload);
  },
});

export const recordFact = defineCommand({
  type: 'alertChain.recordFact',
  description: "Enregistrer qu'un fait nommé de la chaîne est connu (violation de données personnelles…) : les liens comptés depuis ce fait démarrent.",
  payload: z.object({
    fact: FactId,
    /** Exercise ms from which the fact was known, if earlier than now (« on le sait depuis T+00:40 »). */
    at: z.number().int().min(0).optional(),
  }),
  allowed: ['director', 'player'],
  example: { fact: 'violation-donnees-personnelles' },
  decide: ({ state, actor, payload, now }) => {
    refuse(factRefusal(state, actor, payload.fact, payload.at, now.exerciseTime));
    return [factRecorded.draft({ fact: payload.fact, at: payload.at ?? now.exerciseTime }, 'all')];
  },
});

export const completeStage = defineCommand({
  type: 'alertChain.completeStage',
  description: "Déclarer transmis un palier d'un lien à échéances multiples (NIS2 : notification, rapport final), au nom de l'émetteur.",
  payload: z.object({ linkId: LinkId, stageId: DeadlineStage.shape.id }),
  allowed: ['director', 'player'],
  example: { linkId: 'etab-anssi-nis2', stageId: 'notification' },
  decide: ({ state, actor, payload }) => {
    refuse(stageRefusal(state, actor, payload.linkId, payload.stageId));
    const link = findLink(state.alertChain, payload.linkId)!;
    return [stageCompleted.draft({ linkId: link.id, from: link.from, to: link.to, stageId: payload.stageId }, 'all')];
  },
});

export const alertChainCommands = [alertLink, acknowledgeLink, correctLink, editChain, recordFact, completeStage];
