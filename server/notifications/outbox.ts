import { systemActor } from '../../shared/core/roles.js';
import { findActor, findLink, linkLabel } from '../../shared/alert-chain/state.js';
import { addressOf, findContact } from '../../shared/directory/state.js';
import { mailSubject, mailText, smsText, type AlertMessageFacts } from '../../shared/notifications/message.js';
import { notificationAttempted, notificationFailed, notificationRetrying, notificationSent } from '../../shared/notifications/events.js';
import { findNotification, isPending, type OutboundNotification } from '../../shared/notifications/state.js';
import type { RoomState } from '../../shared/room-state.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import { hashAckToken, newAckToken } from './ack-token.js';
import { TransportError, type OutboundMessage, type Transports } from './transports.js';

export interface OutboxOptions {
  transports: Transports;
  /** Base URL of the acknowledgement links (`PUBLIC_URL`). */
  publicUrl: () => string;
  retryMs: number;
  maxAttempts: number;
  logger: Logger;
}

const maxRetryDelayMs = 15 * 60_000;
const channelSetting = { mail: 'SMTP_URL', sms: 'SMS_GATEWAY_URL' } as const;

/** The next message to hand to a transport at `now`: queued, interrupted mid-attempt (a restart), or due for retry. */
function nextDue(state: RoomState, now: number, handedOver: ReadonlySet<string>): OutboundNotification | null {
  return state.notifications.items.find((n) => isPending(n) && !(n.status === 'sending' && handedOver.has(n.id)) && (n.status !== 'retrying' || (n.nextAttemptAt ?? 0) <= now)) ?? null;
}

function nextRetryAt(state: RoomState): number | null {
  const times = state.notifications.items.flatMap((n) => (n.status === 'retrying' && n.nextAttemptAt !== null ? [n.nextAttemptAt] : []));
  return times.length > 0 ? Math.min(...times) : null;
}

/**
 * Why a message may not leave now, decided again at send time (the invariant of exercises: nothing leaves
 * unless the real test is on and the contact takes part), or null.
 */
function sendRefusal(state: RoomState, n: OutboundNotification, transports: Transports): string | null {
  if (state.room.mode === 'exercise' && (!state.notifications.realTest || !(n.contactId && findContact(state.directory, n.contactId)?.exercise))) {
    return "Exercice : le test réel de la chaîne d'alerte est coupé, ou ce contact n'y participe pas. Rien n'est parti.";
  }
  const contact = n.contactId ? findContact(state.directory, n.contactId) : undefined;
  if (!contact || !addressOf(contact, n.channel)) return "Le contact n'a plus d'adresse pour ce canal dans l'annuaire de crise.";
  if (!transports.has(n.channel)) return `Envoi par ${n.channel === 'mail' ? 'courriel' : 'SMS'} non configuré sur ce serveur (${channelSetting[n.channel]}) : appelez.`;
  return null;
}

function messageOf(state: RoomState, n: OutboundNotification, to: string, ackUrl: string): OutboundMessage {
  const link = findLink(state.alertChain, n.linkId);
  const facts: AlertMessageFacts = {
    roomTitle: state.room.title,
    mode: state.room.mode,
    linkLabel: link ? linkLabel(state.alertChain, link) : n.linkId,
    receiver: findActor(state.alertChain, n.actorId)?.label ?? n.actorId,
    message: n.message,
    sender: n.sender,
    wallTime: n.queuedAt.wallTime,
    exerciseTime: n.queuedAt.exerciseTime,
    ackUrl,
    exercise: n.exercise,
  };
  return n.channel === 'mail' ? { to, subject: mailSubject(facts), text: mailText(facts), id: `${state.room.id}.${n.id}` } : { to, subject: '', text: smsText(facts), id: `${state.room.id}.${n.id}` };
}

/**
 * The durable outbox of a room, run by the leader instance only. Every message is already an event
 * (`notification.queued`); before a transport is called, the attempt is appended (with the sha256 of its
 * acknowledgement token), and the outcome after. Decisions are taken from the log inside the room's queue
 * (`appendSystem` with a command id per attempt), so a restart or a second leader resends only what has no
 * `sent`, and a message is never handed over twice by two instances for the same attempt.
 */
export function runOutbox(runtime: RoomRuntime, options: OutboxOptions): () => void {
  let stopped = false;
  let busy = false;
  let timer: NodeJS.Timeout | null = null;
  /** Attempts another instance recorded while this one was taking over: theirs to finish, not resent here. */
  const handedOver = new Set<string>();

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || busy) return;
    const state = runtime.state;
    const now = runtime.now().wallTime;
    if (nextDue(state, now, handedOver)) {
      void pump();
      return;
    }
    const retryAt = nextRetryAt(state);
    if (retryAt !== null) {
      timer = setTimeout(arm, Math.max(0, retryAt - now));
      timer.unref();
    }
  };

  const sendOne = async (n: OutboundNotification): Promise<void> => {
    const attempt = n.attempts.length + 1;
    const refusal = sendRefusal(runtime.state, n, options.transports);
    if (refusal) {
      const stillPending = (state: RoomState) => {
        const current = findNotification(state.notifications, n.id);
        return current !== undefined && isPending(current);
      };
      await runtime.appendSystem(
        (state) => (stillPending(state) ? [notificationFailed.draft({ id: n.id, attempt: attempt - 1, error: refusal }, 'all')] : []),
        systemActor,
        `outbox:${n.id}:refused:${attempt}`,
      );
      return;
    }
    const token = newAckToken(runtime.id);
    const recorded = await runtime.appendSystem(
      (s) => {
        const current = findNotification(s.notifications, n.id);
        return current && isPending(current) && current.attempts.length + 1 === attempt ? [notificationAttempted.draft({ id: n.id, attempt, tokenHash: hashAckToken(token) }, 'all')] : [];
      },
      systemActor,
      `outbox:${n.id}:attempt:${attempt}`,
    );
    // An attempt recorded by someone else (another instance, same command id) is theirs to send.
    if (!recorded.some((e) => notificationAttempted.is(e) && e.payload.tokenHash === hashAckToken(token))) {
      handedOver.add(n.id);
      return;
    }
    const state = runtime.state;
    const contact = findContact(state.directory, n.contactId!)!;
    const message = messageOf(state, n, addressOf(contact, n.channel)!, `${options.publicUrl()}/ack/${token}`);
    const transport = options.transports.get(n.channel)!;
    try {
      const receipt = await transport.send(message);
      await runtime.appendSystem(() => [notificationSent.draft({ id: n.id, attempt, response: receipt.response }, 'all')], systemActor, `outbox:${n.id}:sent:${attempt}`);
    } catch (error) {
      const response = error instanceof TransportError ? error.response : String(error).slice(0, 500);
      options.logger.warn({ roomId: runtime.id, notification: n.id, attempt, response }, 'outbound message failed');
      const outcome =
        attempt >= options.maxAttempts
          ? notificationFailed.draft({ id: n.id, attempt, error: `${response} — abandon après ${attempt} tentatives` }, 'all')
          : notificationRetrying.draft({ id: n.id, attempt, error: response, nextAttemptAt: runtime.now().wallTime + Math.min(options.retryMs * 2 ** (attempt - 1), maxRetryDelayMs) }, 'all');
      await runtime.appendSystem(() => [outcome], systemActor, `outbox:${n.id}:outcome:${attempt}`);
    }
  };

  const pump = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (let n = nextDue(runtime.state, runtime.now().wallTime, handedOver); n && !stopped; n = nextDue(runtime.state, runtime.now().wallTime, handedOver)) {
        await sendOne(n);
      }
    } catch (error) {
      if (!stopped) options.logger.error({ err: error, roomId: runtime.id }, 'outbox failed');
      // The room refuses appends (quarantined, store down): look again later rather than spin.
      if (!stopped) timer = setTimeout(arm, options.retryMs).unref();
      busy = false;
      return;
    }
    busy = false;
    arm();
  };

  const unsubscribe = runtime.onEvents(() => arm());
  arm();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
