import { z } from 'zod';
import { conflict, forbidden, type DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';
import { CellId, Role } from '../core/roles.js';
import type { Viewer } from '../core/visibility.js';
import type { Dict } from '../core/dict.js';
import type { RoomState } from '../room-state.js';
import { ownEntryRefusal, type EntryAct } from './correction.js';
import { writesSharedDocs } from '../comms/rules.js';
import { EntryId, type MainCouranteEntry } from './entry.js';

/**
 * The verification of an information entry: « à vérifier » when written, then « vérifiée » or « infirmée »
 * by its cell. The entry is never touched: each change of status is a record of its own, appended to the
 * `verifications` array of the document (like a significance flag), checked by the server and mirrored into
 * the room log (`mainCourante.entryVerified`). The latest record of an entry gives its status.
 */
const verifying: EntryAct = { they: 'vérifient', it: 'vérifie', infinitive: 'vérifier' };

export const VerificationStatus = z.enum(['a_verifier', 'verifiee', 'infirmee']);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** What a verification record may set: the entry starts « à vérifier », a record moves it on. */
export const VerificationVerdict = z.enum(['verifiee', 'infirmee']);
export type VerificationVerdict = z.infer<typeof VerificationVerdict>;

export const verificationVerdicts = VerificationVerdict.options;

/** Statuses in words, as the badge, the counts and the sentences write them (`client/main-courante/messages.ts` too). */
export const verificationStatusLabels: Record<VerificationStatus, string> = { a_verifier: 'à vérifier', verifiee: 'vérifiée', infirmee: 'infirmée' };

export const VerificationRecord = z.strictObject({
  id: EntryId,
  entryId: EntryId,
  status: VerificationVerdict,
  sessionId: z.string().min(1).max(64),
  author: z.string().min(1).max(limits.maxNameLength),
  role: Role,
  cell: CellId.nullable(),
  /** The author's wall clock (corrected by the server offset), epoch ms. */
  verifiedAt: z.number().int().nonnegative(),
  /** Exercise time the author's room showed (null before DEBEX). */
  verifiedExerciseTime: z.number().int().nullable(),
});
export type VerificationRecord = z.infer<typeof VerificationRecord>;

/** Whether an entry has a verification status: information typed by people (a system entry restates the room log). */
export const isVerifiable = (entry: Pick<MainCouranteEntry, 'type' | 'system'>): boolean => entry.type === 'information' && !entry.system;

/**
 * Why `viewer` may not set `entry` to `status`, or null. Asked by the server's main-courante policy for every
 * verification record an update carries, and by the client to show « Vérifiée » / « Infirmée » only when allowed.
 * Who may: who may correct it (`ownEntryRefusal`: its own cell, or the crisis director); only an
 * information has a status; setting the status it already has changes nothing and is refused.
 */
export function verificationRefusal(
  state: RoomState,
  viewer: Viewer,
  entry: Pick<MainCouranteEntry, 'cell' | 'system' | 'type'>,
  current: VerificationStatus,
  status: VerificationVerdict,
): DomainError | null {
  const refused = ownEntryRefusal(state, viewer, entry.cell, verifying);
  if (refused && !writesSharedDocs(viewer, state)) return refused;
  if (entry.system) return forbidden('Entrée système : elle reprend le journal de la salle et ne se vérifie pas.');
  if (entry.type !== 'information') return forbidden('Seules les informations se vérifient ou s’infirment.');
  if (refused) return refused;
  if (current === status) return conflict(`Cette information est déjà ${verificationStatusLabels[status]}.`);
  return null;
}

/** The latest of two records of one entry: by the author's time, ties broken by id (every replica agrees). */
export const isLater = (a: Pick<VerificationRecord, 'id' | 'verifiedAt'>, b: Pick<VerificationRecord, 'id' | 'verifiedAt'>): boolean =>
  a.verifiedAt > b.verifiedAt || (a.verifiedAt === b.verifiedAt && a.id > b.id);

/** The latest verification record of each entry, by entry id. */
export function latestVerifications(records: Iterable<VerificationRecord>): Map<string, VerificationRecord> {
  const latest = new Map<string, VerificationRecord>();
  for (const record of records) {
    const known = latest.get(record.entryId);
    if (!known || isLater(record, known)) latest.set(record.entryId, record);
  }
  return latest;
}

/** What the room state keeps of each verifiable entry: its cell (for the cell's counts) and its status. */
export interface InformationMark {
  cell: string | null;
  status: VerificationStatus;
  /** The record that set the status (null while « à vérifier »), so an older record merged late does not win. */
  setBy: Pick<VerificationRecord, 'id' | 'verifiedAt'> | null;
}

/** Information entries by status. */
export type VerificationCounts = Record<VerificationStatus, number>;

/**
 * Information entries counted by status, for one cell (`cell` given) or the whole room: the one count behind the
 * main courante's header, the cell overview and the RETEX. `marks` are the room state's (`informationMarks`) or the
 * document's entries (their `verification`), so what is written offline counts at once where the document is open.
 */
export function verificationCounts(marks: Iterable<Pick<InformationMark, 'cell' | 'status'>>, cell?: string): VerificationCounts {
  const counts: VerificationCounts = { a_verifier: 0, verifiee: 0, infirmee: 0 };
  for (const mark of marks) if (cell === undefined || mark.cell === cell) counts[mark.status] += 1;
  return counts;
}

/** The marks of the room state's information entries, for `verificationCounts`. */
export const informationMarks = (informations: Dict<InformationMark>): InformationMark[] => Object.values(informations) as InformationMark[];
