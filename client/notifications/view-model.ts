import type { Channel } from '../../shared/core/channels.js';
import type { RoomState } from '../../shared/room-state.js';
import { findActor, linkLabel, type ChainLink } from '../../shared/alert-chain/state.js';
import type { Contact } from '../../shared/directory/contact.js';
import { addressOf, contactsOf, firstReachable, isOutbound, type DirectoryState, type OutboundChannel } from '../../shared/directory/state.js';
import { isOnCall } from '../../shared/directory/on-call.js';
import { mailSubject, mailText, smsText, type AlertMessageFacts } from '../../shared/notifications/message.js';
import { findNotification, type CallRecord, type NotificationsState, type OutboundNotification } from '../../shared/notifications/state.js';
import type { Translate } from '../i18n/index.js';
import { parisTime, tPlus } from '../app/time.js';

/**
 * What the room shows of its outbound alerts, as pure functions of the state (tested in
 * test/notifications/view-model.test.ts): status lines of a link's messages, what the alert form says of each
 * channel, the exact texts of the preview and of the outbox, the call script. Times always say their clock.
 */

/** Placeholder for the acknowledgement link in previews: the real one is drawn by the outbox, per message. */
export const ackUrlPlaceholder = 'https://…/ack/…';

export type NotificationTone = 'ok' | 'pending' | 'bad' | 'simulated';

const tones: Record<OutboundNotification['status'], NotificationTone> = {
  simulated: 'simulated',
  queued: 'pending',
  sending: 'pending',
  retrying: 'pending',
  sent: 'ok',
  failed: 'bad',
  undeliverable: 'bad',
};

/** « envoyé à 14 h 05 (heure de Paris) », « échec : 550 … »: where one message stands, in words. */
export function notificationStatusText(t: Translate, n: OutboundNotification): string {
  const response = n.lastResponse ?? '';
  switch (n.status) {
    case 'sent':
      return t('notifications.status.sent', { time: n.sentAt === null ? '—' : parisTime(n.sentAt) });
    case 'retrying':
      return t('notifications.status.retrying', { time: n.nextAttemptAt === null ? '—' : parisTime(n.nextAttemptAt), response });
    case 'sending':
      return t('notifications.status.sending', { attempt: n.attempts.length });
    case 'failed':
      return t('notifications.status.failed', { response });
    default:
      return t(`notifications.status.${n.status}`);
  }
}

export interface NotificationLine {
  id: string;
  channel: OutboundChannel;
  status: OutboundNotification['status'];
  tone: NotificationTone;
  /** `Courriel — Dr Anne Leroy (rang 1)`. */
  label: string;
  statusText: string;
  /** Relay or escalation, in words; null for the alert itself. */
  reason: string | null;
  acknowledged: string | null;
}

export function contactText(t: Translate, n: Pick<OutboundNotification, 'contactName' | 'contactRank'>): string {
  if (n.contactName === null) return t('notifications.noContact');
  return n.contactRank === null ? n.contactName : t('notifications.contact', { name: n.contactName, rank: n.contactRank });
}

export function notificationLine(t: Translate, n: OutboundNotification): NotificationLine {
  return {
    id: n.id,
    channel: n.channel,
    status: n.status,
    tone: n.acknowledgedAt !== null ? 'ok' : tones[n.status],
    label: `${t(`notifications.channel.${n.channel}`)} — ${contactText(t, n)}`,
    statusText: notificationStatusText(t, n),
    reason: n.reason === 'alert' ? null : t(`notifications.reason.${n.reason}`),
    acknowledged: n.acknowledgedAt === null ? null : t('notifications.acknowledged', { time: parisTime(n.acknowledgedAt) }),
  };
}

/** « Accusé par Dr X via le lien du courriel, 14 h 06 (heure de Paris) », and the reply; null unless acknowledged through a link. */
export function ackViaText(t: Translate, notifications: NotificationsState, link: ChainLink): { text: string; reply: string | null } | null {
  const ack = link.acknowledgement;
  if (!ack?.via) return null;
  const channel = findNotification(notifications, ack.via.notificationId)?.channel ?? 'unknown';
  const text = t('notifications.ackVia', { contact: ack.via.contact, channel: t(`notifications.ackVia.channel.${channel}`), time: parisTime(ack.wallTime) });
  return { text, reply: ack.via.reply ? t('notifications.ackVia.reply', { reply: ack.via.reply }) : null };
}

/** Messages not delivered on links still waiting for an acknowledgement: the cell must call instead. */
export function undeliveredCount(state: Pick<RoomState, 'notifications' | 'alertChain'>): number {
  const acknowledged = new Set(state.alertChain.links.filter((l) => l.acknowledgement !== null).map((l) => l.id));
  return state.notifications.items.filter((n) => (n.status === 'failed' || n.status === 'undeliverable') && !acknowledged.has(n.linkId)).length;
}

/**
 * The graph's short word on a link's messages, worst first: `⚠ 1 non remis`, `✉ en cours`, `✉ envoyé`,
 * `✉ simulé`; null when nothing went out on it.
 */
export function linkOutboundBadge(t: Translate, notifications: NotificationsState, linkId: string): string | null {
  const items = notifications.items.filter((n) => n.linkId === linkId);
  if (items.length === 0) return null;
  const bad = items.filter((n) => n.status === 'failed' || n.status === 'undeliverable').length;
  if (bad > 0) return `⚠ ${t('notifications.undelivered', { count: bad })}`;
  if (items.some((n) => n.status === 'queued' || n.status === 'sending' || n.status === 'retrying')) return `✉ ${t('notifications.badge.pending')}`;
  return `✉ ${t(items.some((n) => n.status === 'sent') ? 'notifications.badge.sent' : 'notifications.badge.simulated')}`;
}

/** What the alert form says of a channel for this receiver: sent from the room to whom, nobody to send to, or neither. */
export type ChannelReach = { kind: 'outbound'; contact: Contact } | { kind: 'no_contact' } | { kind: 'in_room' } | { kind: 'manual' };

export function channelReach(state: Pick<RoomState, 'directory' | 'alertChain'>, receiver: string, channel: Channel, wallTime: number): ChannelReach {
  if (!isOutbound(channel)) return { kind: 'manual' };
  const contact = firstReachable(state.directory, receiver, channel, wallTime);
  if (contact) return { kind: 'outbound', contact };
  // A cell of the room with no contact gets nothing by mail: it sees the alert live (shared/notifications/queue.ts).
  return findActor(state.alertChain, receiver)?.kind === 'played' ? { kind: 'in_room' } : { kind: 'no_contact' };
}

/** `Claire Martin (ARS — cellule régionale de crise)`: the sender as the server writes it in the message. */
export function senderText(state: Pick<RoomState, 'alertChain'>, name: string, link: Pick<ChainLink, 'from'>): string {
  return `${name} (${findActor(state.alertChain, link.from)?.label ?? link.from})`;
}

/** The facts of a message on `link` (for the preview, or for a queued message), with the placeholder link. */
export function messageFacts(
  state: Pick<RoomState, 'alertChain' | 'room'>,
  link: Pick<ChainLink, 'from' | 'to'>,
  message: { text: string; sender: string; wallTime: number; exerciseTime: number; exercise: boolean },
): AlertMessageFacts {
  return {
    roomTitle: state.room.title,
    mode: state.room.mode,
    linkLabel: linkLabel(state.alertChain, link),
    receiver: findActor(state.alertChain, link.to)?.label ?? link.to,
    message: message.text,
    sender: message.sender,
    wallTime: message.wallTime,
    exerciseTime: message.exerciseTime,
    ackUrl: ackUrlPlaceholder,
    exercise: message.exercise,
  };
}

export interface MessageTexts {
  subject: string;
  mail: string;
  sms: string;
}

export function messageTexts(facts: AlertMessageFacts): MessageTexts {
  return { subject: mailSubject(facts), mail: mailText(facts), sms: smsText(facts) };
}

/** One message of the outbox as the director reads it: to whom, at which address, and its exact text. */
export interface OutboxEntry {
  notification: OutboundNotification;
  receiver: string;
  address: string | null;
  subject: string | null;
  text: string;
  linkId: string;
}

export function outboxEntries(state: Pick<RoomState, 'alertChain' | 'room' | 'directory' | 'notifications'>, simulatedOnly: boolean): OutboxEntry[] {
  const items = state.notifications.items.filter((n) => !simulatedOnly || n.status === 'simulated');
  return items.map((n) => {
    const contact = n.contactId === null ? undefined : state.directory.contacts.find((c) => c.id === n.contactId);
    const link = state.alertChain.links.find((l) => l.id === n.linkId) ?? { from: n.actorId, to: n.actorId };
    const facts = messageFacts(state, { from: link.from, to: n.actorId }, { text: n.message, sender: n.sender, ...n.queuedAt, exercise: n.exercise });
    return {
      notification: n,
      linkId: n.linkId,
      receiver: facts.receiver,
      address: contact ? addressOf(contact, n.channel) : null,
      subject: n.channel === 'mail' ? mailSubject(facts) : null,
      text: n.channel === 'mail' ? mailText(facts) : smsText(facts),
    };
  });
}

/** A contact to call: its numbers, and whether it is on call now. */
export interface PhoneContact {
  contact: Contact;
  onCall: boolean;
}

export function phoneContacts(directory: DirectoryState, actorId: string, wallTime: number): PhoneContact[] {
  return contactsOf(directory, actorId)
    .filter((c) => c.mobile !== null || c.landline !== null)
    .map((contact) => ({ contact, onCall: isOnCall(contact.onCall, wallTime) }));
}

/** The number the called person can call back: the calling actor's first number in the directory. */
export function callbackNumber(directory: DirectoryState, actorId: string): string | null {
  const contact = contactsOf(directory, actorId).find((c) => c.landline !== null || c.mobile !== null);
  return contact?.landline ?? contact?.mobile ?? null;
}

/** The short script of an alert call: who you are, the room, the message, the acknowledgement asked, a callback number. */
export function callScript(t: Translate, facts: { caller: string; from: string; to: string; room: string; contact: string; message: string | null; callback: string | null }): string[] {
  return [
    t('notifications.phone.script.hello', { caller: facts.caller, from: facts.from, room: facts.room }),
    t('notifications.phone.script.ask', { contact: facts.contact, to: facts.to }),
    facts.message ? t('notifications.phone.script.message', { message: facts.message }) : t('notifications.phone.script.noMessage'),
    t('notifications.phone.script.ack'),
    facts.callback ? t('notifications.phone.script.callback', { number: facts.callback }) : t('notifications.phone.script.noCallback'),
  ];
}

/** « 14 h 05 (heure de Paris), Claire Martin → Dr Leroy : Message laissé — rappel dans 10 min ». */
export function callText(t: Translate, call: CallRecord): string {
  const line = t('notifications.phone.call', {
    time: parisTime(call.wallTime),
    by: call.by,
    contact: call.contactName ?? t('notifications.phone.someone'),
    outcome: t(`notifications.outcome.${call.outcome}`),
  });
  return call.note ? `${line} — ${call.note}` : line;
}

/** Room time with its clock named: `T+00:42:10 (heure d'exercice)`, or since T0 in a real crisis. */
export const exerciseTimeText = (t: Translate, exerciseTime: number, mode: RoomState['room']['mode']): string =>
  t(mode === 'exercise' ? 'notifications.exerciseTime' : 'notifications.crisisTime', { time: tPlus(exerciseTime) });
