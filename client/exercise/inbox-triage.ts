import type { Channel } from '../../shared/core/channels.js';
import { dictGet } from '../../shared/core/dict.js';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';

/** The three views of the inbox: what this person has not opened, what their cell has not acknowledged, everything. */
export type InboxView = 'unread' | 'unacknowledged' | 'all';
export const inboxViews: readonly InboxView[] = ['unacknowledged', 'unread', 'all'];

/** What the triage bar asks for. `channel` null: every channel; `mine`: only what is assigned to the viewer. */
export interface InboxTriage {
  view: InboxView;
  channel: Channel | null;
  query: string;
  mine: boolean;
}

export const defaultTriage: InboxTriage = { view: 'unacknowledged', channel: null, query: '', mine: false };

/** Who triages: a player's cell and session (null for staff, who read every cell), and what they opened already. */
export interface TriageViewer {
  cell: string | null;
  sessionId: string;
  read: ReadonlySet<string>;
  /** Cards open on the page: they stay whatever the view, so that acknowledging one does not whisk it away. */
  open: ReadonlySet<string>;
}

/** Acknowledged by the viewer's cell, or (staff) by every recipient cell. */
export function isAcknowledged(item: InboxItem, cell: string | null): boolean {
  return cell ? !!dictGet(item.acks, cell) : item.recipients.every((c) => !!dictGet(item.acks, c));
}

/** The member of `cell` the stimulus is assigned to, if any. */
export function assigneeOf(item: InboxItem, cell: string | null): { sessionId: string; name: string } | null {
  return cell ? (dictGet(item.assignees, cell) ?? null) : null;
}

/** Lower case without accents, so that « resume » finds « Résumé ». */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matchesQuery(item: InboxItem, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(`${item.subject}\n${item.content}\n${item.sender.label}`);
  return words.every((w) => haystack.includes(w));
}

function inView(item: InboxItem, view: InboxView, viewer: TriageViewer): boolean {
  if (view === 'unread') return !viewer.read.has(item.id);
  if (view === 'unacknowledged') return !isAcknowledged(item, viewer.cell);
  return true;
}

/** The triaged inbox: the items to show (in the given order) and how many each view holds under the same filters. */
export interface TriageResult {
  items: InboxItem[];
  counts: Record<InboxView, number>;
}

/**
 * Filters `items` (newest first) by channel, search words (subject, content, sender; all words, accents ignored)
 * and assignment, then by view. Counts are those of each view under the same filters, as the triage bar shows them.
 */
export function triageInbox(items: readonly InboxItem[], triage: InboxTriage, viewer: TriageViewer): TriageResult {
  const filtered = items.filter(
    (item) => (triage.channel === null || item.channel === triage.channel) && matchesQuery(item, triage.query) && (!triage.mine || assigneeOf(item, viewer.cell)?.sessionId === viewer.sessionId),
  );
  const counts = { unread: 0, unacknowledged: 0, all: 0 };
  for (const view of inboxViews) counts[view] = filtered.filter((item) => inView(item, view, viewer)).length;
  return { items: filtered.filter((item) => viewer.open.has(item.id) || inView(item, triage.view, viewer)), counts };
}
