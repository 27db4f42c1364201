import type { OutboundChannel } from '../directory/state.js';

/**
 * Where an outbound message stands. `simulated`: an exercise message kept in the animation's simulated outbox,
 * never sent; `queued` → `sending` (an attempt is recorded, its link token hashed) → `sent`, or `retrying`
 * (another attempt at `nextAttemptAt`) and in the end `failed`. `undeliverable`: no contact to send it to.
 */
export type NotificationStatus = 'simulated' | 'queued' | 'sending' | 'sent' | 'retrying' | 'failed' | 'undeliverable';

/** Why the message was queued: the alert itself, a relay to the next-ranked contact, the backup actor. */
export type NotificationReason = 'alert' | 'relay' | 'escalation';

export interface NotificationAttempt {
  attempt: number;
  /** sha256 (hex) of the acknowledgement link's token sent in this attempt; the token itself is never stored. */
  tokenHash: string;
  wallTime: number;
}

export interface OutboundNotification {
  /** `n1`, `n2`…: stable, the Message-ID and the gateway id derive from it. */
  id: string;
  linkId: string;
  /** The actor it goes to (`to` of the link). */
  actorId: string;
  contactId: string | null;
  contactName: string | null;
  contactRank: number | null;
  channel: OutboundChannel;
  reason: NotificationReason;
  /** An exercise message (simulated, or a real alert-chain test): its subject and text start with the EXERCICE banner. */
  exercise: boolean;
  message: string;
  /** Who alerted (the author of the alert), for the message. */
  sender: string;
  status: NotificationStatus;
  queuedAt: { wallTime: number; exerciseTime: number };
  attempts: NotificationAttempt[];
  /** The last answer of the SMTP server or the gateway (success or error). */
  lastResponse: string | null;
  /** Wall time of the next attempt while `retrying`. */
  nextAttemptAt: number | null;
  sentAt: number | null;
  /** Set when the receiver acknowledged through this message's link. */
  acknowledgedAt: number | null;
}

/** A telephone alert as the caller recorded it (`notification.recordCall`): the room's log of its calls. */
export interface CallRecord {
  linkId: string;
  contactId: string | null;
  contactName: string | null;
  outcome: 'joint' | 'non_joint' | 'message_laisse';
  note: string;
  /** Who called (the author of the event). */
  by: string;
  wallTime: number;
  exerciseTime: number;
}

export interface NotificationsState {
  items: OutboundNotification[];
  /** Every call recorded, oldest first. */
  calls: CallRecord[];
  /** Exercise only: the director opted in to a real alert-chain test (contacts marked `exercise` get real messages). */
  realTest: boolean;
}

export const initialNotificationsState: NotificationsState = { items: [], calls: [], realTest: false };

export const findNotification = (state: NotificationsState, id: string): OutboundNotification | undefined => state.items.find((n) => n.id === id);

export const notificationsOfLink = (state: NotificationsState, linkId: string): OutboundNotification[] => state.items.filter((n) => n.linkId === linkId);

export const callsOfLink = (state: NotificationsState, linkId: string): CallRecord[] => state.calls.filter((c) => c.linkId === linkId);

/** Messages the outbox still has to hand to a transport (never simulated ones). */
export const isPending = (n: OutboundNotification): boolean => n.status === 'queued' || n.status === 'sending' || n.status === 'retrying';

/** The banner of every message an exercise lets out (docs/alert-chain.md, « Exercice »). */
export const exerciseBanner = 'EXERCICE — EXERCICE — EXERCICE';
