import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { ContactId } from '../directory/contact.js';
import { ActorId } from '../alert-chain/template.js';
import type { NotificationsState, OutboundNotification } from './state.js';

/**
 * The durable outbox: every outbound message is an event before it leaves (`queued`), every attempt is an event
 * before the transport is called (`attempted`, with the hash of its link token), and its outcome is one too.
 * Contact names only: e-mails and phones stay in the directory (visibility `responders`).
 */
export const NotificationId = z.string().regex(/^n[1-9]\d{0,6}$/);
const LinkId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
const Response = z.string().max(500);

function withItems(state: RoomState, change: (s: NotificationsState) => NotificationsState): RoomState {
  return { ...state, notifications: change(state.notifications) };
}
function update(state: RoomState, id: string, change: (n: OutboundNotification) => OutboundNotification): RoomState {
  return withItems(state, (s) => ({ ...s, items: s.items.map((n) => (n.id === id ? change(n) : n)) }));
}

export const QueuedPayload = z.object({
  id: NotificationId,
  linkId: LinkId,
  actorId: ActorId,
  contactId: ContactId.nullable(),
  contactName: z.string().max(120).nullable(),
  contactRank: z.number().int().min(1).max(99).nullable(),
  channel: z.enum(['mail', 'sms']),
  reason: z.enum(['alert', 'relay', 'escalation']),
  /** `real`: the outbox sends it; `simulated`: kept for the animation (exercise); `undeliverable`: nobody to send to. */
  delivery: z.enum(['real', 'simulated', 'undeliverable']),
  exercise: z.boolean(),
  message: z.string().max(2000),
  sender: z.string().max(200),
});
export type QueuedPayload = z.infer<typeof QueuedPayload>;

const statusOf = (delivery: QueuedPayload['delivery']): OutboundNotification['status'] => (delivery === 'real' ? 'queued' : delivery);

export const notificationQueued = defineEvent({
  type: 'notification.queued',
  description: "Un message sortant (courriel ou SMS) est mis en file pour un contact de l'annuaire — ou gardé dans la boîte d'envoi simulée de l'animation en exercice.",
  payload: QueuedPayload,
  apply: (state, { delivery, ...p }, event: RoomEvent) =>
    withItems(state, (s) =>
      s.items.some((n) => n.id === p.id)
        ? s
        : {
            ...s,
            items: [
              ...s.items,
              {
                ...p,
                status: statusOf(delivery),
                queuedAt: { wallTime: event.wallTime, exerciseTime: event.exerciseTime },
                attempts: [],
                lastResponse: null,
                nextAttemptAt: null,
                sentAt: null,
                acknowledgedAt: null,
              },
            ],
          },
    ),
});

export const notificationAttempted = defineEvent({
  type: 'notification.attempted',
  description: "Tentative d'envoi d'un message sortant : enregistrée avant l'envoi, avec l'empreinte du lien d'accusé de réception.",
  payload: z.object({ id: NotificationId, attempt: z.number().int().min(1).max(100), tokenHash: z.string().regex(/^[0-9a-f]{64}$/) }),
  apply: (state, p, event) =>
    update(state, p.id, (n) => ({ ...n, status: 'sending', nextAttemptAt: null, attempts: [...n.attempts, { attempt: p.attempt, tokenHash: p.tokenHash, wallTime: event.wallTime }] })),
});

export const notificationSent = defineEvent({
  type: 'notification.sent',
  description: 'Le serveur SMTP ou la passerelle SMS a accepté le message (sa réponse est gardée).',
  payload: z.object({ id: NotificationId, attempt: z.number().int().min(1), response: Response }),
  apply: (state, p, event) => update(state, p.id, (n) => ({ ...n, status: 'sent', lastResponse: p.response, sentAt: event.wallTime, nextAttemptAt: null })),
});

export const notificationRetrying = defineEvent({
  type: 'notification.retrying',
  description: "L'envoi a échoué (réponse du serveur SMTP ou de la passerelle) : nouvelle tentative prévue.",
  payload: z.object({ id: NotificationId, attempt: z.number().int().min(1), error: Response, nextAttemptAt: z.number().int() }),
  apply: (state, p) => update(state, p.id, (n) => ({ ...n, status: 'retrying', lastResponse: p.error, nextAttemptAt: p.nextAttemptAt })),
});

export const notificationFailed = defineEvent({
  type: 'notification.failed',
  description: "L'envoi a définitivement échoué (ou personne n'est joignable sur ce canal) : il faut joindre l'acteur autrement.",
  payload: z.object({ id: NotificationId, attempt: z.number().int().min(0), error: Response }),
  apply: (state, p) => update(state, p.id, (n) => ({ ...n, status: n.status === 'undeliverable' ? 'undeliverable' : 'failed', lastResponse: p.error, nextAttemptAt: null })),
});

export const CallOutcome = z.enum(['joint', 'non_joint', 'message_laisse']);
export type CallOutcome = z.infer<typeof CallOutcome>;
export const callOutcomeLabels: Record<CallOutcome, string> = { joint: 'Joint', non_joint: 'Non joint', message_laisse: 'Message laissé' };

export const callRecorded = defineEvent({
  type: 'notification.callRecorded',
  description: "Un appel téléphonique d'alerte est consigné : qui a appelé quel contact, et s'il a été joint, non joint ou si un message a été laissé.",
  payload: z.object({ linkId: LinkId, contactId: ContactId.nullable(), contactName: z.string().max(120).nullable(), outcome: CallOutcome, note: z.string().max(500) }),
  apply: (state, p, event) => withItems(state, (s) => ({ ...s, calls: [...s.calls, { ...p, by: event.actor.name, wallTime: event.wallTime, exerciseTime: event.exerciseTime }] })),
});

export const realTestSet = defineEvent({
  type: 'notification.realTestSet',
  description:
    "Exercice : la direction active (ou coupe) le test réel de la chaîne d'alerte — seuls les contacts marqués « participe à l'exercice » reçoivent de vrais messages, bannière EXERCICE en tête.",
  payload: z.object({ enabled: z.boolean() }),
  apply: (state, p) => withItems(state, (s) => ({ ...s, realTest: p.enabled })),
});

export const notificationEvents = [notificationQueued, notificationAttempted, notificationSent, notificationRetrying, notificationFailed, callRecorded, realTestSet];
