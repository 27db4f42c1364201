import { actorIdentityOf } from '../../shared/identity/identity.js';
import type { RoomState } from '../../shared/room-state.js';
import type { InvitationView, RoomSummary, SessionResponse, SessionView } from '../../shared/room/rest.js';
import type { InvitationRecord, SessionRecord } from '../store/types.js';

/**
 * Stored records → the JSON of `shared/room/rest.ts`. Each field is named, so a column added to the store
 * never reaches a client by accident (and a token or code hash, which records never hold, never could).
 */

/** Who a token speaks for (`GET /session`, and `POST /join` with the token). */
export const presentSession = (session: SessionRecord): SessionResponse => ({
  roomId: session.roomId,
  role: session.role,
  cell: session.cell,
  name: session.name,
  sessionId: session.id,
  identity: session.identity ? actorIdentityOf(session.identity) : null,
  expiresAt: session.expiresAt,
});

export const presentInvitation = (record: InvitationRecord): InvitationView => ({
  id: record.id,
  roomId: record.roomId,
  role: record.role,
  cell: record.cell,
  label: record.label,
  identity: record.identity,
  createdAt: record.createdAt,
  expiresAt: record.expiresAt,
  revokedAt: record.revokedAt,
});

export const presentSessionView = (record: SessionRecord): SessionView => ({
  id: record.id,
  roomId: record.roomId,
  role: record.role,
  cell: record.cell,
  name: record.name,
  invitationId: record.invitationId,
  identity: record.identity,
  createdAt: record.createdAt,
  expiresAt: record.expiresAt,
  revokedAt: record.revokedAt,
});

/** A live room in the operator's list. */
export const presentRoomSummary = ({ id, state }: { id: string; state: RoomState }): RoomSummary => ({
  roomId: id,
  title: state.room.title,
  mode: state.room.mode,
  createdAt: state.room.createdAt,
});
