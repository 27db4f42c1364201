import type { Channel } from '../core/channels.js';
import type { Now } from '../core/define.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { findActor } from '../alert-chain/state.js';
import { firstReachable, isOutbound, type OutboundChannel } from '../directory/state.js';
import { notificationFailed, notificationQueued, type QueuedPayload } from './events.js';
import { notificationsOfLink, type NotificationReason } from './state.js';

/** What to send: an alert on a link, by its channels, to the receiver's contact ranked after `afterRank`. */
export interface OutboundAlert {
  linkId: string;
  /** The receiver (the link's `to`). */
  actorId: string;
  channels: readonly Channel[];
  message: string;
  sender: string;
  reason: NotificationReason;
  /** Per channel, the rank already tried (relays go to the next one). */
  afterRank?: ReadonlyMap<OutboundChannel, number>;
}

const channelWord: Record<OutboundChannel, string> = { mail: 'courriel', sms: 'SMS' };

/**
 * The drafts that put an alert in the outbox: one `notification.queued` per outbound channel (mail, sms),
 * addressed to the receiver's first reachable contact. Whether it leaves is decided here, once:
 * - a real crisis: it is sent; nobody reachable → `undeliverable` with the reason (the cell must call);
 * - an exercise: it stays in the animation's simulated outbox, unless the director opted in to a real
 *   alert-chain test and the contact is marked as taking part — then it leaves with the EXERCICE banner.
 * A played actor (a cell in the room) with no contact gets nothing: the cell sees the alert live.
 * `offset` numbers the drafts when several alerts are decided in one command.
 */
export function outboundDrafts(state: RoomState, alert: OutboundAlert, now: Now, offset = 0): EventDraft[] {
  const drafts: EventDraft[] = [];
  const actor = findActor(state.alertChain, alert.actorId);
  const exercise = state.room.mode === 'exercise';
  let next = state.notifications.items.length + offset + 1;
  for (const channel of new Set(alert.channels)) {
    if (!isOutbound(channel)) continue;
    const contact = firstReachable(state.directory, alert.actorId, channel, now.wallTime, alert.afterRank?.get(channel) ?? 0);
    if (!contact && (actor?.kind === 'played' || alert.reason !== 'alert')) continue;
    const delivery: QueuedPayload['delivery'] = exercise ? (state.notifications.realTest && contact?.exercise ? 'real' : 'simulated') : contact ? 'real' : 'undeliverable';
    const id = `n${next++}`;
    drafts.push(
      notificationQueued.draft(
        {
          id,
          linkId: alert.linkId,
          actorId: alert.actorId,
          contactId: contact?.id ?? null,
          contactName: contact?.name ?? null,
          contactRank: contact?.rank ?? null,
          channel,
          reason: alert.reason,
          delivery,
          exercise,
          message: alert.message,
          sender: alert.sender,
        },
        'all',
      ),
    );
    if (delivery === 'undeliverable') {
      const label = actor?.label ?? alert.actorId;
      drafts.push(notificationFailed.draft({ id, attempt: 0, error: `Aucun contact de « ${label} » joignable par ${channelWord[channel]} dans l'annuaire de crise : appelez.` }, 'all'));
    }
  }
  return drafts;
}

/** Per channel, the highest rank an alert on `linkId` to `actorId` already went to. */
export function ranksTried(state: RoomState, linkId: string, actorId: string): Map<OutboundChannel, number> {
  const tried = new Map<OutboundChannel, number>();
  for (const n of notificationsOfLink(state.notifications, linkId)) {
    if (n.actorId !== actorId || n.contactRank === null) continue;
    tried.set(n.channel, Math.max(tried.get(n.channel) ?? 0, n.contactRank));
  }
  return tried;
}

/** Whether an alert on `linkId` went out of the room (or to the simulated outbox) by mail or SMS. */
export function wentOutbound(state: RoomState, linkId: string): boolean {
  return notificationsOfLink(state.notifications, linkId).some((n) => n.contactId !== null);
}

/**
 * The relay of an unacknowledged alert to the receiver's next-ranked contact, on the channels it went by;
 * empty when nobody is ranked after (then the chain escalates to the backup actor).
 */
export function relayDrafts(state: RoomState, linkId: string, now: Now, offset = 0): EventDraft[] {
  const link = state.alertChain.links.find((l) => l.id === linkId);
  if (!link?.alert || !wentOutbound(state, linkId)) return [];
  const tried = ranksTried(state, linkId, link.to);
  const channels = [...tried.keys()];
  return outboundDrafts(state, { linkId, actorId: link.to, channels, message: link.alert.message, sender: link.alert.by.name, reason: 'relay', afterRank: tried }, now, offset);
}
