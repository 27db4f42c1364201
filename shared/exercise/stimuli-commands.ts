import { z } from 'zod';
import { conflict, invalid, notFound, type DomainError } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import { defineCommand, type Participant } from '../core/define.js';
import { limits } from '../core/limits.js';
import { Channel } from '../core/channels.js';
import type { RoomState } from '../room-state.js';
import { Offset, parseOffset } from './scenario-offset.js';
import { Stimulus, StimulusId } from './scenario-stimulus.js';
import { injectionDrafts } from './scheduling.js';
import type { ChronogrammeItem, InboxItem } from './stimuli-state.js';
import { newItem, stimulusAcknowledged, stimulusCreated, stimulusDeferred, stimulusEdited, stimulusLinked, stimulusReplied, stimulusSkipped } from './stimuli-events.js';
import { dictGet } from '../core/dict.js';

const Id = z.object({ id: StimulusId });

function pendingItem(state: RoomState, id: string): ChronogrammeItem {
  const item = dictGet(state.exercise.animator?.items, id);
  if (!item) throw notFound(`Stimulus « ${id} » introuvable dans le chronogramme.`);
  if (item.status === 'injected') throw conflict(`Le stimulus « ${id} » a déjà été envoyé.`);
  if (item.status === 'skipped' || item.status === 'cancelled') throw conflict(`Le stimulus « ${id} » a été retiré du chronogramme.`);
  return item;
}

/**
 * Why `viewer` may not act on stimulus `id` (acknowledge, reply, link), or null: it must have reached a cell
 * of theirs. Shared by the commands (which throw it) and the inbox (which shows the actions or not).
 */
export function receivedRefusal(state: RoomState, viewer: { role: Role; cell?: string | undefined }, id: string): DomainError | null {
  const item = dictGet(state.exercise.inbox, id);
  // One answer whether the stimulus does not exist or went to another cell: a player's view has neither, and
  // telling them apart would tell a cell what the animation sent to the others.
  if (!item || viewer.role !== 'player' || !viewer.cell || !item.recipients.includes(viewer.cell)) return notFound(`Stimulus « ${id} » non reçu par votre cellule.`);
  return null;
}

/** The delivered stimulus, if the player's cell is one of its recipients. */
function receivedItem(state: RoomState, actor: Participant, id: string): InboxItem {
  const refusal = receivedRefusal(state, actor, id);
  if (refusal) throw refusal;
  return dictGet(state.exercise.inbox, id)!;
}

export const injectNow = defineCommand({
  type: 'stimulus.injectNow',
  description: 'Envoyer tout de suite un stimulus du chronogramme (avant son heure, ou en ignorant sa condition).',
  payload: Id,
  allowed: ['director'],
  example: { id: 'S01' },
  decide: ({ state, payload, now }) => injectionDrafts(state, pendingItem(state, payload.id), now, null),
});

export const skipStimulus = defineCommand({
  type: 'stimulus.skip',
  description: 'Retirer un stimulus du chronogramme (il ne sera pas envoyé).',
  payload: Id,
  allowed: ['director'],
  example: { id: 'S01' },
  decide: ({ state, payload }) => {
    pendingItem(state, payload.id);
    return [stimulusSkipped.draft(payload, 'director')];
  },
});

export const deferStimulus = defineCommand({
  type: 'stimulus.defer',
  description: "Décaler un stimulus à une heure d'exercice (« HH:MM » depuis DEBEX).",
  payload: Id.extend({ to: Offset }),
  allowed: ['director'],
  example: { id: 'S01', to: '00:45' },
  decide: ({ state, payload }) => {
    pendingItem(state, payload.id);
    return [stimulusDeferred.draft({ id: payload.id, to: parseOffset(payload.to) }, 'director')];
  },
});

const EditableFields = Stimulus.pick({ sender: true, recipients: true, channel: true, subject: true, content: true, animatorNotes: true }).partial();

export const editStimulus = defineCommand({
  type: 'stimulus.edit',
  description: 'Modifier un stimulus avant son envoi (émetteur, destinataires, canal, objet, contenu, notes).',
  payload: Id.extend({ changes: EditableFields }),
  allowed: ['director'],
  example: { id: 'S01', changes: { subject: 'Objet corrigé' } },
  decide: ({ state, payload }) => {
    const item = pendingItem(state, payload.id);
    const stimulus = { ...item.stimulus, ...payload.changes };
    checkActors(state, stimulus.sender, stimulus.recipients);
    return [stimulusEdited.draft({ stimulus }, 'director')];
  },
});

function checkActors(state: RoomState, sender: string, recipients: readonly string[]): void {
  const scenario = state.exercise.animator?.scenario;
  if (!scenario) throw conflict("Cette salle n'a pas de scénario d'exercice.");
  if (!scenario.simulatedActors.some((a) => a.id === sender)) throw invalid(`Acteur simulé inconnu « ${sender} ».`);
  const cells = new Set(state.room.cells.map((c) => c.id));
  const unknown = recipients.find((r) => !cells.has(r));
  if (unknown) throw invalid(`Cellule destinataire inconnue « ${unknown} ».`);
}

export const createStimulus = defineCommand({
  type: 'stimulus.create',
  description: "Écrire un stimulus hors chronogramme, ou envoyer un message au nom d'un acteur simulé (`injectNow`).",
  payload: z.object({
    sender: z.string(),
    recipients: z.array(z.string()).min(1),
    channel: Channel,
    subject: z.string().trim().min(1).max(limits.maxTitleLength),
    content: z.string().trim().min(1).max(limits.maxTextLength),
    offset: Offset.optional(),
    injectNow: z.boolean(),
    animatorNotes: z.string().max(limits.maxTextLength).optional(),
    inReplyTo: StimulusId.optional(),
  }),
  allowed: ['director'],
  example: { sender: 'journaliste', recipients: ['ars'], channel: 'telephone', subject: 'Appel de France Bleu', content: 'Confirmez-vous une cyberattaque ?', injectNow: true },
  decide: ({ state, payload, now }) => {
    checkActors(state, payload.sender, payload.recipients);
    const animator = state.exercise.animator!;
    const id = freeAdHocId(animator.items);
    const stimulus: Stimulus = {
      id,
      offset: payload.offset ?? formatNow(now.exerciseTime),
      sender: payload.sender,
      recipients: payload.recipients,
      channel: payload.channel,
      subject: payload.subject,
      content: payload.content,
      type: 'information',
      expectedActions: [],
      ...(payload.animatorNotes ? { animatorNotes: payload.animatorNotes } : {}),
    };
    const inReplyTo = payload.inReplyTo ?? null;
    const created = stimulusCreated.draft({ stimulus, inReplyTo }, 'director');
    if (!payload.injectNow) return [created];
    return [created, ...injectionDrafts(state, newItem(stimulus, true, inReplyTo), now, null)];
  },
});

/** `AH01`, `AH02`… skipping any id the chronogramme already has (a scenario may use `AH01` itself). */
function freeAdHocId(items: Record<string, ChronogrammeItem>): string {
  for (let n = 1; ; n++) {
    const id = `AH${String(n).padStart(2, '0')}`;
    if (!items[id]) return id;
  }
}

/** Exercise time rounded down to the second, as a chronogramme offset. */
function formatNow(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

export const acknowledgeStimulus = defineCommand({
  type: 'stimulus.acknowledge',
  description: 'Accuser réception d’un stimulus reçu par sa cellule.',
  payload: Id,
  allowed: ['player'],
  example: { id: 'S01' },
  decide: ({ state, payload, actor }) => {
    const item = receivedItem(state, actor, payload.id);
    if (dictGet(item.acks, actor.cell!)) throw conflict('Réception déjà accusée par votre cellule.');
    return [stimulusAcknowledged.draft({ id: payload.id, cell: actor.cell! }, { cells: [actor.cell!] })];
  },
});

export const replyToStimulus = defineCommand({
  type: 'stimulus.reply',
  description: "Répondre à l'émetteur simulé d'un stimulus (l'animation reçoit la réponse).",
  payload: Id.extend({ text: z.string().trim().min(1).max(limits.maxTextLength) }),
  allowed: ['player'],
  example: { id: 'S01', text: 'Bien reçu, nous rappelons dans dix minutes.' },
  decide: ({ state, payload, actor }) => {
    receivedItem(state, actor, payload.id);
    return [stimulusReplied.draft({ id: payload.id, cell: actor.cell!, text: payload.text }, { cells: [actor.cell!] })];
  },
});

export const linkStimulus = defineCommand({
  type: 'stimulus.link',
  description: 'Relier un stimulus reçu à une entrée de main courante, un maillon de la chaîne d’alerte, un établissement ou un projet de communication.',
  payload: Id.extend({ kind: z.enum(['mainCourante', 'alertLink', 'establishment', 'comms']), ref: z.string().min(1).max(120), label: z.string().max(300).default('') }),
  allowed: ['player'],
  example: { id: 'S01', kind: 'mainCourante', ref: 'mc-1', label: 'Décision : activation de la cellule' },
  decide: ({ state, payload, actor }) => {
    receivedItem(state, actor, payload.id);
    return [stimulusLinked.draft({ ...payload, cell: actor.cell! }, { cells: [actor.cell!] })];
  },
});

export const stimulusCommands = [injectNow, skipStimulus, deferStimulus, editStimulus, createStimulus, acknowledgeStimulus, replyToStimulus, linkStimulus];
