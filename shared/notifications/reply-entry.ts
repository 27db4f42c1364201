import type { MainCouranteEntry, ReceivedEntry } from '../main-courante/entry.js';
import type { RoomState } from '../room-state.js';
import { findActor } from '../alert-chain/state.js';
import { limits } from '../core/limits.js';

/** A reply typed on an acknowledgement page, as the main courante entry of the actor who sent it. */
export type ReplyEntry = ReceivedEntry;

/** The main-courante entry id of the reply that came through message `notificationId`'s link. */
export const replyEntryId = (notificationId: string) => `lien-reponse-${notificationId}`;

/**
 * Replies given through acknowledgement links, as main courante entries, for every acknowledged link that
 * carries one: written by the server into the document (entries are the document's), then mirrored into the
 * log like any entry. Pure: the server writes those whose id the document does not hold yet.
 */
export function replyEntries(state: RoomState): ReplyEntry[] {
  return state.alertChain.links.flatMap((link) => {
    const ack = link.acknowledgement;
    if (!ack?.via?.reply) return [];
    const actor = findActor(state.alertChain, link.to)?.label ?? link.to;
    const entry: MainCouranteEntry = {
      id: replyEntryId(ack.via.notificationId),
      type: 'information',
      text: `Réponse de ${ack.via.contact} (${actor}), avec son accusé de réception par lien : « ${ack.via.reply} »`,
      sessionId: `lien-${ack.via.notificationId}`,
      author: `${ack.via.contact} (${actor})`.slice(0, limits.maxNameLength),
      role: 'player',
      cell: null,
      authoredAt: ack.wallTime,
      authoredExerciseTime: ack.exerciseTime,
      significant: false,
      corrects: null,
      links: { alertLinkId: link.id },
    };
    return [{ entry, receipt: { receivedAt: ack.wallTime, receivedExerciseTime: ack.exerciseTime, late: false } }];
  });
}
