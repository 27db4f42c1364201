import { z } from 'zod';
import { RoomEvent } from '../core/events.js';

const ArchivedRoom = z.object({ id: z.string(), title: z.string(), mode: z.enum(['exercise', 'crisis']) });

/**
 * A room's full archive: every event with its hash chain, and the final state of each Yjs document
 * (base64 of the merged stored updates). What institutions keep, and what `npm run verify` checks.
 *
 * Format 2 puts all of it under the chain: the last event is `archive.sealed` (shared/retex/archive-seal.ts),
 * holding the sha256 of each document here, and `chainSalt` lets whoever holds the archive verify the hashes of
 * the events hidden from some participants (server/store/hash-chain.ts).
 */
export const RoomArchive = z.object({
  format: z.literal('orsan-room-archive'),
  version: z.literal(2),
  exportedAt: z.iso.datetime(),
  room: ArchivedRoom,
  /** The room's secret for the hashes of its hidden events. Null for a room that has none (created before salts, nothing appended since). */
  chainSalt: z.object({ secret: z.string().regex(/^[0-9a-f]{64}$/), fromSeq: z.number().int().positive() }).nullable(),
  events: z.array(RoomEvent),
  docs: z.record(z.string(), z.string()),
});
export type RoomArchive = z.infer<typeof RoomArchive>;

/** Format 1 (before documents were sealed and hidden events salted): its events can be checked, not its documents. */
export const RoomArchiveV1 = z.object({
  format: z.literal('orsan-room-archive'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  room: ArchivedRoom,
  events: z.array(RoomEvent),
  docs: z.record(z.string(), z.string()),
});
