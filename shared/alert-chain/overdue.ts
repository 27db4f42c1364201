import type { Now } from '../core/define.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { findActor, findLink, type AlertChainState, type ChainLink } from './state.js';
import { wallTimeWhen } from '../exercise/clock.js';
import { outboundDrafts, relayDrafts, wentOutbound } from '../notifications/queue.js';
import { notificationQueued } from '../notifications/events.js';
import { dueOverdue, relayDeadlineAt } from './timing.js';
import { alertSent, linkEscalated, linkOverdue, linkRelayed } from './events.js';

/** `ars-prefecture-secours`, shortened to fit a link id and numbered if taken. */
function escalationLinkId(taken: ReadonlySet<string>, linkId: string): string {
  const base = `${linkId.slice(0, 70)}-secours`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The backup to escalate to when `link`'s receiver did not acknowledge, or null (none named, already there). */
function backupFor(chain: AlertChainState, link: ChainLink, escalatedPairs: ReadonlySet<string>): string | null {
  const backup = findActor(chain, link.to)?.backup;
  if (!backup || backup === link.from || link.escalatedTo !== null || !findActor(chain, backup)) return null;
  const pair = `${link.from}>${backup}`;
  if (escalatedPairs.has(pair)) return null;
  return backup;
}

/** Whether a relayed link has a next step: another contact of the same actor, or a backup actor. */
export function hasFollowUp(state: RoomState, link: ChainLink): boolean {
  const pairs = new Set(state.alertChain.links.map((l) => `${l.from}>${l.to}`));
  return relayDrafts(state, link.id, { wallTime: 0, exerciseTime: 0 }).length > 0 || backupFor(state.alertChain, link, pairs) !== null;
}

interface Batch {
  drafts: EventDraft[];
  takenIds: Set<string>;
  escalatedPairs: Set<string>;
}

const queuedIn = (drafts: readonly EventDraft[]) => drafts.filter((d) => d.type === notificationQueued.type).length;

/**
 * A missed acknowledgement: first the receiver's next-ranked contact (when the alert went out by mail or
 * SMS), then — nobody left — the receiver's backup actor. An escalation of an alert that went out is itself
 * sent at once, by the same channels, to the backup's first contact.
 */
function followUpDrafts(state: RoomState, link: ChainLink, now: Now, batch: Batch): void {
  const relay = relayDrafts(state, link.id, now, queuedIn(batch.drafts));
  if (relay.length > 0) {
    const ranks = relay.flatMap((d) => (notificationQueued.is(d) && d.payload.contactRank !== null ? [d.payload.contactRank] : []));
    batch.drafts.push(linkRelayed.draft({ linkId: link.id, rank: Math.min(...ranks) }, 'all'), ...relay);
    return;
  }
  const backup = backupFor(state.alertChain, link, batch.escalatedPairs);
  if (!backup) return;
  const newLinkId = escalationLinkId(batch.takenIds, link.id);
  batch.takenIds.add(newLinkId);
  batch.escalatedPairs.add(`${link.from}>${backup}`);
  batch.drafts.push(linkEscalated.draft({ linkId: link.id, backup, newLinkId }, 'all'));
  if (!link.alert || !wentOutbound(state, link.id)) return;
  const { channel, channels, message, by } = link.alert;
  batch.drafts.push(alertSent.draft({ linkId: newLinkId, from: link.from, to: backup, channel, channels, message }, 'all'));
  batch.drafts.push(...outboundDrafts(state, { linkId: newLinkId, actorId: backup, channels, message, sender: by.name, reason: 'escalation' }, now, queuedIn(batch.drafts)));
}

/**
 * What the server appends when deadlines pass at `exerciseTime`: one `alertChain.overdue` per missed step
 * not yet recorded; for a missed acknowledgement, the relay to the next contact or the escalation to the
 * backup (see `followUpDrafts`); and the same follow-up when a relayed alert is not acknowledged in time.
 * Pure and idempotent: a second call on the resulting state returns nothing, so a timer that fires
 * twice (or after a restart) appends each step once. `wallTime` (for who is on call) defaults to the clock's.
 */
export function overdueDrafts(state: RoomState, exerciseTime: number, wallTime: number = wallTimeWhen(state.clock, exerciseTime) ?? state.clock.anchorWall): EventDraft[] {
  const chain = state.alertChain;
  const now: Now = { wallTime, exerciseTime };
  const batch: Batch = { drafts: [], takenIds: new Set(chain.links.map((l) => l.id)), escalatedPairs: new Set(chain.links.map((l) => `${l.from}>${l.to}`)) };
  for (const due of dueOverdue(chain, exerciseTime)) {
    batch.drafts.push(linkOverdue.draft(due, 'all'));
    const link = findLink(chain, due.linkId);
    if (due.kind === 'acknowledge' && link) followUpDrafts(state, link, now, batch);
  }
  for (const link of chain.links) {
    const relayDeadline = relayDeadlineAt(link);
    if (relayDeadline !== null && exerciseTime > relayDeadline) followUpDrafts(state, link, now, batch);
  }
  return batch.drafts;
}
