import { z } from 'zod';
import { RoomEvent } from '../core/events.js';

/**
 * A room's full archive: every event with its hash chain, and the final state of each Yjs document
 * (base64 of `Y.encodeStateAsUpdate`). What institutions keep, and what `npm run verify` checks.
 */
export const RoomArchive = z.object({
  format: z.literal('orsan-room-archive'),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  room: z.object({ id: z.string(), title: z.string(), mode: z.enum(['exercise', 'crisis']) }),
  /**
   * The room's secret for the hashes of its hidden events (server/store/hash-chain.ts): needed to verify them.
   * Null for a room that has none (created before salts, nothing appended since).
   */
  chainSalt: z.object({ secret: z.string().regex(/^[0-9a-f]{64}$/), fromSeq: z.number().int().positive() }).nullable(),
  events: z.array(RoomEvent),
  docs: z.record(z.string(), z.string()),
});
export type RoomArchive = z.infer<typeof RoomArchive>;
