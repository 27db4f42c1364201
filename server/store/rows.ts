import type { RoomEvent } from '../../shared/core/events.js';
import type { Role } from '../../shared/core/roles.js';
import type { ChainSalt } from './hash-chain.js';
import type { z } from 'zod';
import { IdentityBinding } from '../../shared/identity/binding.js';
import { VerifiedIdentity } from '../../shared/identity/identity.js';
import { SignInIntent } from '../../shared/identity/rest.js';
import type { InvitationRecord, OperatorSessionRecord, PendingLogin, SessionRecord } from './types.js';

/**
 * Stored rows ⇄ records, shared by the SQLite and PostgreSQL stores so that both present exactly the same shapes.
 * Integer columns arrive as numbers (SQLite) or strings (PostgreSQL bigint): `Number` reads both.
 */
type Int = number | string;
const time = (value: Int | null): number | null => (value === null ? null : Number(value));

export interface EventRow {
  room_id: string;
  seq: Int;
  type: string;
  wall_time: Int;
  exercise_time: Int;
  actor: string;
  visibility: string;
  payload: string;
  command_id: string | null;
  prev_hash: string;
  hash: string;
}

export function eventFromRow(row: EventRow): RoomEvent {
  return {
    roomId: row.room_id,
    seq: Number(row.seq),
    type: row.type,
    wallTime: Number(row.wall_time),
    exerciseTime: Number(row.exercise_time),
    actor: JSON.parse(row.actor),
    visibility: JSON.parse(row.visibility),
    payload: JSON.parse(row.payload),
    commandId: row.command_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The columns of an event as written (JSON fields serialised once, here). */
export function eventToRow(event: RoomEvent): EventRow {
  return {
    room_id: event.roomId,
    seq: event.seq,
    type: event.type,
    wall_time: event.wallTime,
    exercise_time: event.exerciseTime,
    actor: JSON.stringify(event.actor),
    visibility: JSON.stringify(event.visibility),
    payload: JSON.stringify(event.payload),
    command_id: event.commandId,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}

export interface ChainSaltRow {
  secret: string;
  from_seq: Int;
}

export const chainSaltFromRow = (row: ChainSaltRow): ChainSalt => ({ secret: row.secret, fromSeq: Number(row.from_seq) });

export interface InvitationRow {
  id: string;
  room_id: string;
  role: string;
  cell: string | null;
  label: string | null;
  /** JSON of an `IdentityBinding`, or null. */
  identity: string | null;
  created_at: Int;
  expires_at: Int | null;
  revoked_at: Int | null;
}

export interface SessionRow extends Omit<InvitationRow, 'label'> {
  name: string;
  invitation_id: string | null;
  /** JSON of a `VerifiedIdentity`, or null. */
  identity: string | null;
  id_token: string | null;
}

export interface LoginRow {
  provider: string;
  code_verifier: string;
  nonce: string;
  intent: string;
  created_at: Int;
  expires_at: Int;
}

export interface OperatorSessionRow {
  id: string;
  identity: string;
  id_token: string | null;
  created_at: Int;
  expires_at: Int;
  revoked_at: Int | null;
}

/**
 * JSON columns written by this server, read back through their schema: a row edited by hand (or by another
 * version) that no longer parses is treated as absent rather than trusted.
 */
function parsedJson<T>(schema: z.ZodType<T>, text: string | null): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
/** A JSON column written from a value that may be absent (an invitation's binding, a session's identity). */
export const identityColumn = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

export const loginFromRow = (r: LoginRow): PendingLogin | null => {
  const intent = parsedJson(SignInIntent, r.intent);
  if (!intent) return null;
  return { provider: r.provider, codeVerifier: r.code_verifier, nonce: r.nonce, intent, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) };
};
export const loginToRow = (l: PendingLogin): LoginRow => ({
  provider: l.provider,
  code_verifier: l.codeVerifier,
  nonce: l.nonce,
  intent: JSON.stringify(l.intent),
  created_at: l.createdAt,
  expires_at: l.expiresAt,
});

export const operatorSessionFromRow = (r: OperatorSessionRow): OperatorSessionRecord | null => {
  const identity = parsedJson(VerifiedIdentity, r.identity);
  if (!identity) return null;
  return { id: r.id, identity, idTokenHint: r.id_token, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at), revokedAt: time(r.revoked_at) };
};

export const invitationFromRow = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  roomId: r.room_id,
  role: r.role as Role,
  cell: r.cell,
  label: r.label,
  identity: parsedJson(IdentityBinding, r.identity),
  createdAt: Number(r.created_at),
  expiresAt: time(r.expires_at),
  revokedAt: time(r.revoked_at),
});

export const sessionFromRow = (r: SessionRow): SessionRecord => ({
  id: r.id,
  roomId: r.room_id,
  role: r.role as Role,
  cell: r.cell,
  name: r.name,
  invitationId: r.invitation_id,
  identity: parsedJson(VerifiedIdentity, r.identity),
  idTokenHint: r.id_token,
  createdAt: Number(r.created_at),
  expiresAt: time(r.expires_at),
  revokedAt: time(r.revoked_at),
});
