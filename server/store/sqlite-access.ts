import type Database from 'better-sqlite3';
import type { AccessStore } from './types.js';
import { invitationFromRow, sessionFromRow, type InvitationRow, type SessionRow } from './rows.js';

export function sqliteAccessStore(db: Database.Database): AccessStore {
  const q = {
    insertInvitation: db.prepare(
      `INSERT INTO invitations (id, room_id, role, cell, label, code_hash, created_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    invitationByCode: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE code_hash = ?'),
    invitationsOfRoom: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE room_id = ? ORDER BY created_at'),
    revokeInvitation: db.prepare('UPDATE invitations SET revoked_at = ? WHERE room_id = ? AND id = ? AND revoked_at IS NULL'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, room_id, role, cell, name, invitation_id, token_hash, created_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    sessionByToken: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    sessionsOfRoom: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE room_id = ? ORDER BY created_at'),
    // Named parameters: better-sqlite3 refuses numbered ones (`?2`) mixed with `?`.
    liveSessionsBy: db.prepare<[{ roomId: string; sessionId: string | null; invitationId: string | null }], { id: string }>(
      `SELECT id FROM sessions WHERE room_id = @roomId AND revoked_at IS NULL
         AND ((@sessionId IS NOT NULL AND id = @sessionId) OR (@invitationId IS NOT NULL AND invitation_id = @invitationId))`,
    ),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?'),
    insertTicket: db.prepare('INSERT INTO yjs_tickets (ticket_hash, session_id, expires_at) VALUES (?, ?, ?)'),
    purgeTickets: db.prepare('DELETE FROM yjs_tickets WHERE expires_at <= ?'),
    takeTicket: db.prepare<[string], { session_id: string; expires_at: number }>('DELETE FROM yjs_tickets WHERE ticket_hash = ? RETURNING session_id, expires_at'),
    sessionById: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
  };

  const revokeSessionsTx = db.transaction((roomId: string, sessionId: string | null, invitationId: string | null, at: number) => {
    const ids = q.liveSessionsBy.all({ roomId, sessionId, invitationId }).map((r) => r.id);
    for (const id of ids) q.revokeSession.run(at, id);
    return ids;
  });

  const createTicketTx = db.transaction((ticketHash: string, sessionId: string, issuedAt: number, expiresAt: number) => {
    q.purgeTickets.run(issuedAt);
    q.insertTicket.run(ticketHash, sessionId, expiresAt);
  });

  return {
    async createInvitation(r, codeHash) {
      q.insertInvitation.run(r.id, r.roomId, r.role, r.cell, r.label, codeHash, r.createdAt, r.expiresAt);
    },
    async findInvitationByCodeHash(codeHash) {
      const row = q.invitationByCode.get(codeHash);
      return row ? invitationFromRow(row) : null;
    },
    async listInvitations(roomId) {
      return q.invitationsOfRoom.all(roomId).map(invitationFromRow);
    },
    async revokeInvitation(roomId, id, at) {
      return q.revokeInvitation.run(at, roomId, id).changes > 0;
    },
    async createSession(r, tokenHash) {
      q.insertSession.run(r.id, r.roomId, r.role, r.cell, r.name, r.invitationId, tokenHash, r.createdAt, r.expiresAt);
    },
    async findSessionByTokenHash(tokenHash) {
      const row = q.sessionByToken.get(tokenHash);
      return row ? sessionFromRow(row) : null;
    },
    async listSessions(roomId) {
      return q.sessionsOfRoom.all(roomId).map(sessionFromRow);
    },
    async revokeSessions(roomId, filter, at) {
      return revokeSessionsTx(roomId, filter.sessionId ?? null, filter.invitationId ?? null, at);
    },
    async createYjsTicket(ticketHash, sessionId, issuedAt, expiresAt) {
      createTicketTx(ticketHash, sessionId, issuedAt, expiresAt);
    },
    async consumeYjsTicket(ticketHash, now) {
      const ticket = q.takeTicket.get(ticketHash);
      if (!ticket || ticket.expires_at <= now) return null;
      const row = q.sessionById.get(ticket.session_id);
      return row ? sessionFromRow(row) : null;
    },
  };
}
