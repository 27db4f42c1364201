import * as Y from 'yjs';
import type { MainCouranteEntry, Receipt, SignificanceFlag } from './entry.js';
import { isVerifiable, latestVerifications, type VerificationRecord, type VerificationStatus } from './verification.js';

/**
 * The shape of the `main-courante` Yjs document, shared by the server (which validates every update against
 * it) and by any client, the project's or a stock `y-websocket` one:
 * - `entries`: Y.Array of immutable entry objects, append-only (written by participants);
 * - `flags`: Y.Array of significance flags, append-only (written by participants);
 * - `verifications`: Y.Array of verification records (« vérifiée », « infirmée »), append-only (written by participants);
 * - `receipts`: Y.Map entry id → receipt, written by the server only.
 */
export const mainCouranteDocName = 'main-courante';
export const mainCouranteRoots = { entries: 'entries', flags: 'flags', verifications: 'verifications', receipts: 'receipts' } as const;

export const entriesOf = (doc: Y.Doc): Y.Array<MainCouranteEntry> => doc.getArray<MainCouranteEntry>(mainCouranteRoots.entries);
export const flagsOf = (doc: Y.Doc): Y.Array<SignificanceFlag> => doc.getArray<SignificanceFlag>(mainCouranteRoots.flags);
export const verificationsOf = (doc: Y.Doc): Y.Array<VerificationRecord> => doc.getArray<VerificationRecord>(mainCouranteRoots.verifications);
export const receiptsOf = (doc: Y.Doc): Y.Map<Receipt> => doc.getMap<Receipt>(mainCouranteRoots.receipts);

/** Appends entries at the end of the array (the only change the server accepts on it). */
export function appendEntries(doc: Y.Doc, entries: MainCouranteEntry[]): void {
  entriesOf(doc).push(entries);
}

export function appendFlag(doc: Y.Doc, flag: SignificanceFlag): void {
  flagsOf(doc).push([flag]);
}

export function appendVerification(doc: Y.Doc, record: VerificationRecord): void {
  verificationsOf(doc).push([record]);
}

/**
 * A random id usable offline. `crypto.getRandomValues` rather than `randomUUID`, which browsers only offer
 * on secure origins (a room served over plain http on a crisis LAN must still work).
 */
export function newRecordId(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** An entry as shown: the stored entry, its receipt (null while not yet received), who flagged it. */
export interface EntryView extends MainCouranteEntry {
  receipt: Receipt | null;
  late: boolean;
  /** Names of those who promoted the entry afterwards (besides `significant` set at creation). */
  flaggedBy: string[];
  /**
   * The entry's number, from 1, in the order the document holds them: appends go at the end, so an entry keeps
   * its number once received (only an offline entry not yet merged may still move). People cite entries by it.
   */
  n: number;
  /** An information's verification: its status and the record that set it (null: « à vérifier »); null for other entries. */
  verification: { status: VerificationStatus; by: VerificationRecord | null } | null;
}

/** Every entry, in authored order (ties broken by id, so every replica shows the same order). */
export function readEntries(doc: Y.Doc): EntryView[] {
  const receipts = receiptsOf(doc);
  const flagged = new Map<string, string[]>();
  for (const flag of flagsOf(doc).toArray()) {
    const names = flagged.get(flag.entryId) ?? [];
    names.push(flag.author);
    flagged.set(flag.entryId, names);
  }
  const verified = latestVerifications(verificationsOf(doc).toArray());
  const views = entriesOf(doc)
    .toArray()
    .map((entry, index): EntryView => {
      const receipt = receipts.get(entry.id) ?? null;
      const by = verified.get(entry.id) ?? null;
      const status: VerificationStatus = by?.status ?? 'a_verifier';
      const verification = isVerifiable(entry) ? { status, by } : null;
      return { ...entry, receipt, late: receipt?.late ?? false, flaggedBy: flagged.get(entry.id) ?? [], n: index + 1, verification };
    });
  return views.sort(compareAuthored);
}

export function compareAuthored(a: MainCouranteEntry, b: MainCouranteEntry): number {
  return a.authoredAt - b.authoredAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
