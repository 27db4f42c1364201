import type Database from 'better-sqlite3';
import type { AsyncOf } from './async-of.js';
import type { AccessStore, InvitationRecord, OperatorSessionRecord, PendingLogin, SessionRecord } from './types.js';
import {
  identityColumn,
  invitationFromRow,
  loginFromRow,
  loginToRow,
  operatorSessionFromRow,
  sessionFromRow,
  type InvitationRow,
  type LoginRow,
  type OperatorSessionRow,
  type SessionRow,
} from './rows.js';

/** The writes, synchronous, run by the writer thread: each call one statement or transaction (a savepoint inside the thread's). */
export function sqliteAccessWriter(db: Database.Database) {
  const q = {
    insertInvitation: db.prepare(
      `INSERT INTO invitations (id, room_id, role, cell, label, code_hash, identity, created_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    revokeInvitation: db.prepare('UPDATE invitations SET revoked_at = ? WHERE room_id = ? AND id = ? AND revoked_at IS NULL'),
    insertSession: db.prepare(
      `INSERT INTO sessions (id, room_id, role, cell, name, invitation_id, token_hash, identity, id_token, created_at, expires_at, revoked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    ),
    // Named parameters: better-sqlite3 refuses numbered ones (`?2`) mixed with `?`.
    liveSessionsBy: db.prepare<[{ roomId: string; sessionId: string | null; invitationId: string | null }], { id: string }>(
      `SELECT id FROM sessions WHERE room_id = @roomId AND revoked_at IS NULL
         AND ((@sessionId IS NOT NULL AND id = @sessionId) OR (@invitationId IS NOT NULL AND invitation_id = @invitationId))`,
    ),
    revokeSession: db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?'),
    insertTicket: db.prepare('INSERT INTO yjs_tickets (ticket_hash, session_id, expires_at) VALUES (?, ?, ?)'),
    purgeTickets: db.prepare('DELETE FROM yjs_tickets WHERE expires_at <= ?'),
    takeTicket: db.prepare<[string], { session_id: string; expires_at: number }>('DELETE FROM yjs_tickets WHERE ticket_hash = ? RETURNING session_id, expires_at'),
    purgeLogins: db.prepare('DELETE FROM oidc_logins WHERE expires_at <= ?'),
    insertLogin: db.prepare(
      `INSERT INTO oidc_logins (state_hash, provider, code_verifier, nonce, intent, created_at, expires_at)
       VALUES (@state_hash, @provider, @code_verifier, @nonce, @intent, @created_at, @expires_at)`,
    ),
    takeLogin: db.prepare<[string], LoginRow>('DELETE FROM oidc_logins WHERE state_hash = ? RETURNING provider, code_verifier, nonce, intent, created_at, expires_at'),
    insertOperatorSession: db.prepare(`INSERT INTO operator_sessions (id, token_hash, identity, id_token, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)`),
    revokeOperatorSession: db.prepare('UPDATE operator_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  };
  const revokeSessionsTx = db.transaction((roomId: string, sessionId: string | null, invitationId: string | null, at: number) => {
    const ids = q.liveSessionsBy.all({ roomId, sessionId, invitationId }).map((r) => r.id);
    for (const id of ids) q.revokeSession.run(at, id);
    return ids;
  });
  const createLoginTx = db.transaction((stateHash: string, login: PendingLogin) => {
    q.purgeLogins.run(login.createdAt);
    q.insertLogin.run({ state_hash: stateHash, ...loginToRow(login) });
  });
  const createTicketTx = db.transaction((ticketHash: string, sessionId: string, issuedAt: number, expiresAt: number) => {
    q.purgeTickets.run(issuedAt);
    q.insertTicket.run(ticketHash, sessionId, expiresAt);
  });
  return {
    createInvitation: (r: InvitationRecord, codeHash: string | null) =>
      void q.insertInvitation.run(r.id, r.roomId, r.role, r.cell, r.label, codeHash, identityColumn(r.identity), r.createdAt, r.expiresAt),
    revokeInvitation: (roomId: string, id: string, at: number) => q.revokeInvitation.run(at, roomId, id).changes > 0,
    createSession: (r: SessionRecord, tokenHash: string) =>
      void q.insertSession.run(r.id, r.roomId, r.role, r.cell, r.name, r.invitationId, tokenHash, identityColumn(r.identity), r.idTokenHint, r.createdAt, r.expiresAt),
    revokeSessions: (roomId: string, sessionId: string | null, invitationId: string | null, at: number) => revokeSessionsTx(roomId, sessionId, invitationId, at),
    createYjsTicket: (ticketHash: string, sessionId: string, issuedAt: number, expiresAt: number) => void createTicketTx(ticketHash, sessionId, issuedAt, expiresAt),
    takeYjsTicket: (ticketHash: string) => q.takeTicket.get(ticketHash) ?? null,
    createLogin: (stateHash: string, login: PendingLogin) => void createLoginTx(stateHash, login),
    takeLogin: (stateHash: string) => q.takeLogin.get(stateHash) ?? null,
    createOperatorSession: (r: OperatorSessionRecord, tokenHash: string) => void q.insertOperatorSession.run(r.id, tokenHash, JSON.stringify(r.identity), r.idTokenHint, r.createdAt, r.expiresAt),
    revokeOperatorSession: (id: string, at: number) => q.revokeOperatorSession.run(at, id).changes > 0,
  };
}

/** Invitations, sessions and Yjs tickets on SQLite: read on this connection, written by `write` (the writer thread). */
export function sqliteAccessStore(db: Database.Database, write: AsyncOf<ReturnType<typeof sqliteAccessWriter>>): AccessStore {
  const q = {
    invitationByCode: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE code_hash = ?'),
    invitationsOfRoom: db.prepare<[string], InvitationRow>('SELECT * FROM invitations WHERE room_id = ? ORDER BY created_at'),
    sessionByToken: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?'),
    sessionsOfRoom: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE room_id = ? ORDER BY created_at'),
    sessionById: db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?'),
    operatorSessionByToken: db.prepare<[string], OperatorSessionRow>('SELECT * FROM operator_sessions WHERE token_hash = ?'),
  };

  return {
    createInvitation: (r, codeHash) => write.createInvitation(r, codeHash),
    async findInvitationByCodeHash(codeHash) {
      const row = q.invitationByCode.get(codeHash);
      return row ? invitationFromRow(row) : null;
    },
    async listInvitations(roomId) {
      return q.invitationsOfRoom.all(roomId).map(invitationFromRow);
    },
    revokeInvitation: (roomId, id, at) => write.revokeInvitation(roomId, id, at),
    createSession: (r, tokenHash) => write.createSession(r, tokenHash),
    async findSessionByTokenHash(tokenHash) {
      const row = q.sessionByToken.get(tokenHash);
      return row ? sessionFromRow(row) : null;
    },
    async listSessions(roomId) {
      return q.sessionsOfRoom.all(roomId).map(sessionFromRow);
    },
    revokeSessions: (roomId, filter, at) => write.revokeSessions(roomId, filter.sessionId ?? null, filter.invitationId ?? null, at),
    createYjsTicket: (ticketHash, sessionId, issuedAt, expiresAt) => write.createYjsTicket(ticketHash, sessionId, issuedAt, expiresAt),
    async consumeYjsTicket(ticketHash, now) {
      const ticket = await write.takeYjsTicket(ticketHash);
      if (!ticket || ticket.expires_at <= now) return null;
      const row = q.sessionById.get(ticket.session_id);
      return row ? sessionFromRow(row) : null;
    },
    createLogin: (stateHash, login) => write.createLogin(stateHash, login),
    async consumeLogin(stateHash, now) {
      const row = await write.takeLogin(stateHash);
      if (!row || Number(row.expires_at) <= now) return null;
      return loginFromRow(row);
    },
    createOperatorSession: (r, tokenHash) => write.createOperatorSession(r, tokenHash),
    async findOperatorSessionByTokenHash(tokenHash) {
      const row = q.operatorSessionByToken.get(tokenHash);
      return row ? operatorSessionFromRow(row) : null;
    },
    revokeOperatorSession: (id, at) => write.revokeOperatorSession(id, at),
  };
}
