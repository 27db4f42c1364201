import { z } from 'zod';
import { Actor } from './roles.js';
import { Visibility } from './visibility.js';

/**
 * One entry of a room's append-only log, as stored and as sent to clients.
 * `exerciseTime` is milliseconds since the start of the exercise (DEBEX) or of the crisis (T0),
 * read from the server's clock at append time; `wallTime` is epoch milliseconds.
 * `hash` = sha256 over the canonical event including `prevHash`: the room's hash chain (keyed with a per-room
 * secret for events not visible to all, server/store/hash-chain.ts).
 */
export const RoomEvent = z.object({
  roomId: z.string(),
  seq: z.number().int().positive(),
  type: z.string(),
  wallTime: z.number().int(),
  exerciseTime: z.number().int(),
  actor: Actor,
  visibility: Visibility,
  payload: z.unknown(),
  commandId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type RoomEvent<P = unknown> = Omit<z.infer<typeof RoomEvent>, 'payload'> & { payload: P };

/** What domain code produces; the store stamps room, seq, times, actor and hashes. */
export interface EventDraft<P = unknown> {
  type: string;
  payload: P;
  visibility: Visibility;
}

/** The prevHash of a room's first event. */
export const GENESIS_HASH = '0'.repeat(64);
