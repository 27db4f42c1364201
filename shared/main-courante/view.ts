import type { EntryView } from './doc.js';
import type { EntryType } from './entry.js';
import type { VerificationStatus } from './verification.js';

/** An entry and the corrections made to it, oldest first: a correction is always shown with what it corrects. */
export interface EntryThread {
  entry: EntryView;
  corrections: EntryView[];
}

/** What the main courante list is filtered by; empty fields do not filter. */
export interface EntryFilter {
  cell?: string | undefined;
  type?: EntryType | undefined;
  author?: string | undefined;
  query?: string | undefined;
  significantOnly?: boolean | undefined;
  /** Information entries of this verification status only (« à vérifier », « vérifiée », « infirmée »). */
  verification?: VerificationStatus | undefined;
}

/** Lower case without accents, so that « decision » finds « Décision ». */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * Groups corrections under the entry they correct (a correction of a correction joins the same root).
 * A correction whose target is unknown here stays a thread of its own rather than disappearing.
 */
export function threadEntries(entries: readonly EntryView[]): EntryThread[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rootOf = (entry: EntryView): EntryView => {
    let current = entry;
    const seen = new Set<string>();
    while (current.corrects && byId.has(current.corrects) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.corrects)!;
    }
    return current;
  };
  const threads = new Map<string, EntryThread>();
  for (const entry of entries) {
    const root = rootOf(entry);
    if (root === entry) {
      if (!threads.has(entry.id)) threads.set(entry.id, { entry, corrections: [] });
      continue;
    }
    const thread = threads.get(root.id) ?? { entry: root, corrections: [] };
    thread.corrections.push(entry);
    threads.set(root.id, thread);
  }
  return [...threads.values()];
}

function matches(entry: EntryView, filter: EntryFilter, words: string[]): boolean {
  if (filter.cell && entry.cell !== filter.cell) return false;
  if (filter.type && entry.type !== filter.type) return false;
  if (filter.author && entry.author !== filter.author) return false;
  if (filter.significantOnly && !entry.significant && entry.flaggedBy.length === 0) return false;
  if (filter.verification && entry.verification?.status !== filter.verification) return false;
  if (words.length === 0) return true;
  const haystack = normalise(`${entry.text} ${entry.author} ${entry.cell ?? ''} ${Object.values(entry.links).join(' ')}`);
  return words.every((word) => haystack.includes(word));
}

/** The threads in which the entry or one of its corrections matches the filter (every word of the query). */
export function filterThreads(threads: readonly EntryThread[], filter: EntryFilter): EntryThread[] {
  const words = normalise(filter.query ?? '')
    .split(/\s+/)
    .filter(Boolean);
  return threads.filter((t) => matches(t.entry, filter, words) || t.corrections.some((c) => matches(c, filter, words)));
}

/** The distinct authors and cells present, for the filter menus. */
export function facets(entries: readonly EntryView[]): { authors: string[]; cells: string[] } {
  const authors = new Set<string>();
  const cells = new Set<string>();
  for (const e of entries) {
    authors.add(e.author);
    if (e.cell) cells.add(e.cell);
  }
  return { authors: [...authors].sort(), cells: [...cells].sort() };
}

/** The document's information entries as marks (cell, status), for `verificationCounts`. */
export function entryMarks(entries: readonly EntryView[]): Array<{ cell: string | null; status: VerificationStatus }> {
  return entries.flatMap((e) => (e.verification ? [{ cell: e.cell, status: e.verification.status }] : []));
}
