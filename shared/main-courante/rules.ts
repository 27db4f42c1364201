import type { z } from 'zod';
import type { Now } from '../core/define.js';
import { describeZodError } from '../core/errors.js';
import type { EventDraft, RoomEvent } from '../core/events.js';
import type { Actor, Role } from '../core/roles.js';
import { isAuthoredBy, lateAfterMs, maxClockAheadMs, MainCouranteEntry, SignificanceFlag, type EntryAuthor, type Receipt } from './entry.js';
import { entryAdded, entryFlagged, entryVerified } from './events.js';
import { isLater, VerificationRecord, verificationRefusal } from './verification.js';
import { correctionRefusal } from './correction.js';
import type { RoomState } from '../room-state.js';
import type { Viewer } from '../core/visibility.js';

/**
 * The rules of the main courante, pure: what a batch of new records must satisfy, the receipt the server
 * gives each entry, the events that mirror them into the room log. The server's document policy
 * (`server/main-courante/doc-policy.ts`) decodes the Yjs update into a batch and asks these.
 */

/** The records an update adds: entries, significance flags and verification records. */
export interface RecordBatch {
  entries: MainCouranteEntry[];
  flags: SignificanceFlag[];
  verifications: VerificationRecord[];
}

/** What the room already holds, to check a batch against. */
export interface KnownRecords {
  entries: ReadonlyMap<string, MainCouranteEntry>;
  flagIds: ReadonlySet<string>;
  /** Ids of the verification records held. */
  verificationIds: ReadonlySet<string>;
  /** The latest verification record of each entry (`latestVerifications`). */
  verified: ReadonlyMap<string, VerificationRecord>;
}

type Authored = { sessionId: string; author: string; role: Role; cell: string | null };

/** A record read from an update: valid against its schema and written in the sender's own name, or why not. */
export function readRecord<T extends Authored>(schema: z.ZodType<T>, value: unknown, author: EntryAuthor, what: string): { record: T } | { refusal: string } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { refusal: `Contenu invalide (${what}) : ${describeZodError(parsed.error)}` };
  if (!isAuthoredBy(parsed.data, author)) return { refusal: `Écriture au nom d'une autre session refusée (${what}).` };
  return { record: parsed.data };
}

export const readEntry = (value: unknown, author: EntryAuthor) => readRecord(MainCouranteEntry, value, author, 'entrée');
export const readFlag = (value: unknown, author: EntryAuthor) => readRecord(SignificanceFlag, value, author, 'signalement');
export const readVerification = (value: unknown, author: EntryAuthor) => readRecord(VerificationRecord, value, author, 'vérification');

/**
 * Why a batch `viewer` sent may not be added, or null: ids never reused, an authoring time the device's clock
 * could have given (not ahead of the server, not before the room), no system entry (the server writes those),
 * corrections, flags and verifications pointing at entries that exist, each correction and verification one the
 * sender may make (`correctionRefusal`, `verificationRefusal`: a player corrects and verifies their own cell's entries).
 */
export function batchRefusal(batch: RecordBatch, known: KnownRecords, now: Now, state: RoomState, viewer: Viewer): string | null {
  const ids = new Set<string>();
  for (const entry of batch.entries) {
    if (known.entries.has(entry.id) || ids.has(entry.id)) return `Identifiant d'entrée déjà utilisé : ${entry.id}.`;
    ids.add(entry.id);
    if (entry.authoredAt > now.wallTime + maxClockAheadMs || entry.authoredAt < state.room.createdAt - maxClockAheadMs) {
      return `Heure de saisie invraisemblable pour l'entrée ${entry.id} : vérifiez l'horloge de l'appareil.`;
    }
    if (entry.system) return `Entrée système refusée (${entry.id}) : seul le serveur les inscrit, d'après le journal de la salle.`;
    if (entry.corrects !== null) {
      const target = known.entries.get(entry.corrects) ?? batch.entries.find((e) => e.id === entry.corrects && ids.has(e.id));
      if (!target) return `L'entrée corrigée ${entry.corrects} n'existe pas.`;
      const refused = correctionRefusal(state, viewer, target);
      if (refused) return `Correction refusée : ${refused.message}`;
    }
  }
  for (const flag of batch.flags) {
    if (known.flagIds.has(flag.id) || ids.has(flag.id)) return `Identifiant de signalement déjà utilisé : ${flag.id}.`;
    ids.add(flag.id);
    if (!known.entries.has(flag.entryId) && !batch.entries.some((e) => e.id === flag.entryId)) return `L'entrée signalée ${flag.entryId} n'existe pas.`;
  }
  return verificationsRefusal(batch, known, ids, now, state, viewer);
}

/** The verification records of a batch, in order: each may see the status the previous ones set. */
function verificationsRefusal(batch: RecordBatch, known: KnownRecords, ids: Set<string>, now: Now, state: RoomState, viewer: Viewer): string | null {
  const latest = new Map(known.verified);
  for (const record of batch.verifications) {
    if (known.verificationIds.has(record.id) || ids.has(record.id)) return `Identifiant de vérification déjà utilisé : ${record.id}.`;
    ids.add(record.id);
    if (record.verifiedAt > now.wallTime + maxClockAheadMs || record.verifiedAt < state.room.createdAt - maxClockAheadMs) {
      return `Heure de vérification invraisemblable (${record.id}) : vérifiez l'horloge de l'appareil.`;
    }
    const target = known.entries.get(record.entryId) ?? batch.entries.find((e) => e.id === record.entryId);
    if (!target) return `L'entrée vérifiée ${record.entryId} n'existe pas.`;
    const previous = latest.get(record.entryId);
    const refused = verificationRefusal(state, viewer, target, previous?.status ?? 'a_verifier', record.status);
    if (refused) return `Vérification refusée : ${refused.message}`;
    if (!previous || isLater(record, previous)) latest.set(record.entryId, record);
  }
  return null;
}

/** The server's receipt: when it received the entry, and whether it came late (offline, or long after writing). */
export function receiptFor(entry: MainCouranteEntry, now: Now, viaSync: boolean): Receipt {
  return { receivedAt: now.wallTime, receivedExerciseTime: now.exerciseTime, late: viaSync || now.wallTime - entry.authoredAt > lateAfterMs };
}

/** The author of a record as the actor of its mirror event. */
export const actorOf = (record: Authored): Actor => ({
  kind: 'participant',
  sessionId: record.sessionId,
  name: record.author,
  role: record.role,
  ...(record.cell ? { cell: record.cell } : {}),
});

/** One mirror event per record, with its author as actor and the record's id as command id (mirrored once). */
export interface Mirror {
  actor: Actor;
  commandId: string;
  draft: EventDraft;
}

export function mirrorsOf(batch: RecordBatch, receipts: ReadonlyMap<string, Receipt>, entries: ReadonlyMap<string, MainCouranteEntry>, now: Now): Mirror[] {
  return [
    ...batch.entries.flatMap((entry) => {
      const receipt = receipts.get(entry.id);
      return receipt ? [{ actor: actorOf(entry), commandId: `mc:${entry.id}`, draft: entryAdded.draft({ entry, receipt }, 'all') }] : [];
    }),
    ...batch.flags.flatMap((flag) => {
      const entry = entries.get(flag.entryId) ?? batch.entries.find((e) => e.id === flag.entryId);
      return entry ? [{ actor: actorOf(flag), commandId: `mc:${flag.id}`, draft: entryFlagged.draft({ flag, entry, receivedAt: now.wallTime }, 'all') }] : [];
    }),
    ...batch.verifications.flatMap((verification) => {
      const entry = entries.get(verification.entryId) ?? batch.entries.find((e) => e.id === verification.entryId);
      return entry ? [{ actor: actorOf(verification), commandId: `mc:${verification.id}`, draft: entryVerified.draft({ verification, entry }, 'all') }] : [];
    }),
  ];
}

/** The ids of the records the log already mirrors. */
export function mirroredIds(events: readonly RoomEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (entryAdded.is(event)) ids.add(event.payload.entry.id);
    if (entryFlagged.is(event)) ids.add(event.payload.flag.id);
    if (entryVerified.is(event)) ids.add(event.payload.verification.id);
  }
  return ids;
}
