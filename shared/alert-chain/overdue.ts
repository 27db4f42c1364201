import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { findActor, findLink, type AlertChainState, type ChainLink } from './state.js';
import { dueOverdue } from './timing.js';
import { linkEscalated, linkOverdue } from './events.js';

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

/**
 * What the server appends when deadlines pass at `exerciseTime`: one `alertChain.overdue` per missed step
 * not yet recorded, and for a missed acknowledgement, `alertChain.escalated` towards the receiver's backup.
 * Pure and idempotent: a second call on the resulting state returns nothing, so a timer that fires
 * twice (or after a restart) appends each overdue once.
 */
export function overdueDrafts(state: RoomState, exerciseTime: number): EventDraft[] {
  const chain = state.alertChain;
  const drafts: EventDraft[] = [];
  const takenIds = new Set(chain.links.map((l) => l.id));
  const escalatedPairs = new Set(chain.links.map((l) => `${l.from}>${l.to}`));
  for (const due of dueOverdue(chain, exerciseTime)) {
    drafts.push(linkOverdue.draft(due, 'all'));
    const link = findLink(chain, due.linkId);
    if (due.kind !== 'acknowledge' || !link) continue;
    const backup = backupFor(chain, link, escalatedPairs);
    if (!backup) continue;
    const newLinkId = escalationLinkId(takenIds, link.id);
    takenIds.add(newLinkId);
    escalatedPairs.add(`${link.from}>${backup}`);
    drafts.push(linkEscalated.draft({ linkId: link.id, backup, newLinkId }, 'all'));
  }
  return drafts;
}
