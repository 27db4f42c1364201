import type { RoomEvent } from '../../shared/core/events.js';
import type { Role } from '../../shared/core/roles.js';
import type { ChainSalt } from './hash-chain.js';
import type { InvitationRecord, SessionRecord } from './types.js';

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
  created_at: Int;
  expires_at: Int | null;
  revoked_at: Int | null;
}

export interface SessionRow extends Omit<InvitationRow, 'label'> {
  name: string;
  invitation_id: string | null;
}

export const invitationFromRow = (r: InvitationRow): InvitationRecord => ({
  id: r.id,
  roomId: r.room_id,
  role: r.role as Role,
  cell: r.cell,
  label: r.label,
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
  createdAt: Number(r.created_at),
  expiresAt: time(r.expires_at),
  revokedAt: time(r.revoked_at),
});
