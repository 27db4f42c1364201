import { z } from 'zod';
import { limits } from '../core/limits.js';
import { CellId, Role } from '../core/roles.js';

/**
 * A main courante entry, exactly as it is stored in the Yjs document: one immutable JSON object pushed into
 * the `entries` array. Entries are never edited in place: a correction is a new entry whose `corrects`
 * names the one it corrects. The server checks every field below before an entry is accepted, and that
 * `sessionId`, `author`, `role` and `cell` are those of the session that sends it.
 */
export const EntryType = z.enum(['information', 'decision', 'action', 'demande', 'point_situation']);
export type EntryType = z.infer<typeof EntryType>;

export const entryTypes = EntryType.options;

/** Entry ids are chosen by the author's device (it may be offline), long enough never to collide. */
export const EntryId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, 'identifiant d’entrée attendu (8 à 40 caractères a-z, 0-9, _ ou -)');
export type EntryId = z.infer<typeof EntryId>;

const Ref = z.string().trim().min(1).max(80);

/** What an entry may point to: a stimulus of the chronogramme, an establishment (FINESS), a link of the alert chain. */
export const EntryLinks = z.strictObject({
  stimulusId: Ref.optional(),
  finess: z
    .string()
    .regex(/^[0-9A-Z]{9}$/, 'numéro FINESS attendu (9 caractères)')
    .optional(),
  alertLinkId: Ref.optional(),
});
export type EntryLinks = z.infer<typeof EntryLinks>;

/**
 * What a system entry restates: the room-log event it was derived from (its sequence number and type). Only the
 * server writes such entries (`server/main-courante/system-entries.ts`); nobody typed them.
 */
export const SystemSource = z.strictObject({ seq: z.number().int().positive(), type: z.string().min(1).max(80) });
export type SystemSource = z.infer<typeof SystemSource>;

export const MainCouranteEntry = z.strictObject({
  id: EntryId,
  type: EntryType,
  text: z.string().trim().min(1, 'texte vide').max(limits.maxTextLength),
  sessionId: z.string().min(1).max(64),
  author: z.string().min(1).max(limits.maxNameLength),
  role: Role,
  cell: CellId.nullable(),
  /** The author's wall clock (corrected by the server offset) when the entry was written, epoch ms. */
  authoredAt: z.number().int().nonnegative(),
  /** Exercise time the author's room showed when writing (null before DEBEX). */
  authoredExerciseTime: z.number().int().nullable(),
  /** Promotes the entry to the room's summary (événement significatif). */
  significant: z.boolean(),
  /** The entry this one corrects. */
  corrects: EntryId.nullable(),
  links: EntryLinks,
  /** Present on a system entry only: the log event it restates (absent on everything a person wrote). */
  system: SystemSource.optional(),
});
export type MainCouranteEntry = z.infer<typeof MainCouranteEntry>;

/**
 * A later promotion of an entry to the room's summary: itself an append-only record (the entry is not
 * touched), pushed into the `flags` array.
 */
export const SignificanceFlag = z.strictObject({
  id: EntryId,
  entryId: EntryId,
  sessionId: z.string().min(1).max(64),
  author: z.string().min(1).max(limits.maxNameLength),
  role: Role,
  cell: CellId.nullable(),
  flaggedAt: z.number().int().nonnegative(),
});
export type SignificanceFlag = z.infer<typeof SignificanceFlag>;

/**
 * Written by the server only, in the `receipts` map, in the same stored update as the entry:
 * when it was received and whether it arrived late (written offline, or authored long before it arrived).
 */
export const Receipt = z.object({
  receivedAt: z.number().int(),
  receivedExerciseTime: z.number().int(),
  late: z.boolean(),
});
export type Receipt = z.infer<typeof Receipt>;

/** An entry with its receipt: what `mainCourante.entryAdded` carries, and what the server writes for entries it authors. */
export interface ReceivedEntry {
  entry: MainCouranteEntry;
  receipt: Receipt;
}

/** An entry authored more than this before the server received it is flagged late. */
export const lateAfterMs = 30_000;

/** How far ahead of the server clock an author's clock may be before its entry is refused. */
export const maxClockAheadMs = 2 * 60_000;

/** The part of a session an entry must carry: the server compares these fields with the sender's session. */
export interface EntryAuthor {
  sessionId: string;
  name: string;
  role: Role;
  cell: string | null;
}

/** True when the entry's (or flag's) authorship fields are exactly those of `author`. */
export function isAuthoredBy(record: { sessionId: string; author: string; role: Role; cell: string | null }, author: EntryAuthor): boolean {
  return record.sessionId === author.sessionId && record.author === author.name && record.role === author.role && record.cell === author.cell;
}
