import { z } from 'zod';
import { ActorIdentity } from './identity/identity.js';
import { ErrorBody } from './core/errors.js';
import { RoomEvent } from './core/events.js';
import { CellId, Role } from './core/roles.js';

/**
 * The socket.io protocol, client ⇄ server. Handshake: `io(url, { auth: { token, lastSeq } })`.
 * Commands go up with an ack; events come down already filtered for the socket's audience.
 */
export const CommandEnvelope = z.object({
  /** Client-chosen id (uuid): resending the same command after a lost ack never appends it twice. */
  id: z.string().min(8).max(64),
  type: z.string().min(1).max(80),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelope>;

export const HandshakeAuth = z.object({
  token: z.string().min(1).max(200),
  lastSeq: z.number().int().min(0).optional(),
});

export const CommandAck = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), seq: z.number().int(), duplicate: z.boolean().optional() }),
  z.object({ ok: z.literal(false), error: ErrorBody }),
]);
export type CommandAck = z.infer<typeof CommandAck>;

export const PresenceEntry = z.object({
  sessionId: z.string(),
  name: z.string(),
  role: Role,
  cell: CellId.optional(),
  /** Signed in: who vouched for the name (`shared/identity/identity.ts`). */
  verified: ActorIdentity.optional(),
  connections: z.number().int(),
});
export type PresenceEntry = z.infer<typeof PresenceEntry>;

/** Server → client messages (socket.io event name → payload). */
export const serverMessages = {
  /** First message after connecting: who you are, the server clock, and either the missed events or a snapshot. */
  welcome: z.object({
    me: z.object({ sessionId: z.string(), name: z.string(), role: Role, cell: CellId.optional(), roomId: z.string(), verified: ActorIdentity.optional() }),
    serverTime: z.number().int(),
    catchUp: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('events'), events: z.array(RoomEvent), headSeq: z.number().int() }),
      z.object({ kind: z.literal('snapshot'), state: z.unknown(), headSeq: z.number().int() }),
    ]),
  }),
  /** One appended event visible to this socket. */
  event: RoomEvent,
  /** Who is connected now, per session (volatile, not in the log). */
  presence: z.object({ participants: z.array(PresenceEntry) }),
  /** The session was revoked or has expired, or the room closed: the client must stop reconnecting. */
  revoked: z.object({ reason: z.string() }),
} as const;

export type WelcomeMessage = z.infer<(typeof serverMessages)['welcome']>;
export type PresenceMessage = z.infer<(typeof serverMessages)['presence']>;
