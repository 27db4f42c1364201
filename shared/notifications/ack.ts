import { conflict, expired, notFound, type DomainError } from '../core/errors.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { findLink, linkLabel } from '../alert-chain/state.js';
import { linkAcknowledged } from '../alert-chain/events.js';
import { findNotification, type OutboundNotification } from './state.js';

/**
 * Acknowledgement through the one-click link of an outbound message (no account, no session): the link's
 * token names the message; these rules say whether it may still acknowledge. Shared by the page (GET shows
 * the reason) and the POST (which refuses with it).
 */
export function ackLinkRefusal(state: RoomState, notificationId: string): DomainError | null {
  const notification = findNotification(state.notifications, notificationId);
  if (!notification) return notFound("Ce lien d'accusé de réception est inconnu.");
  if (state.clock.status === 'ended') return expired('La salle de crise est close : ce lien a expiré.');
  const link = findLink(state.alertChain, notification.linkId);
  if (!link || link.status === 'a_alerter') return expired(`L'alerte « ${link ? linkLabel(state.alertChain, link) : notification.linkId} » a été annulée par la salle.`);
  if (link.acknowledgement) {
    const who = link.acknowledgement.via?.contact ?? link.acknowledgement.by.name;
    return conflict(`Réception déjà accusée par ${who}.`);
  }
  return null;
}

export function ackLinkDrafts(state: RoomState, notification: OutboundNotification, reply: string | null): EventDraft[] {
  const link = findLink(state.alertChain, notification.linkId)!;
  const via = { channel: 'lien' as const, notificationId: notification.id, contact: notification.contactName ?? 'Contact', reply };
  return [linkAcknowledged.draft({ linkId: link.id, from: link.from, to: link.to, via }, 'all')];
}
