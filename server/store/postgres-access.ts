import type pg from 'pg';
import type { AccessStore } from './types.js';
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

const INVITATION_COLUMNS = 'id, room_id, role, cell, label, identity, created_at, expires_at, revoked_at';
const SESSION_COLUMNS = 'id, room_id, role, cell, name, invitation_id, identity, id_token, created_at, expires_at, revoked_at';

/** Invitations and sessions on PostgreSQL, same contract as `sqliteAccessStore`: only hashes of secrets. */
export function postgresAccessStore(pool: pg.Pool): AccessStore {
  return {
    async createInvitation(r, codeHash) {
      await pool.query(
        `INSERT INTO invitations (id, room_id, role, cell, label, code_hash, identity, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)`,
        [r.id, r.roomId, r.role, r.cell, r.label, codeHash, identityColumn(r.identity), r.createdAt, r.expiresAt],
      );
    },
    async findInvitationByCodeHash(codeHash) {
      const { rows } = await pool.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE code_hash = $1`, [codeHash]);
      return rows[0] ? invitationFromRow(rows[0]) : null;
    },
    async listInvitations(roomId) {
      const { rows } = await pool.query<InvitationRow>(`SELECT ${INVITATION_COLUMNS} FROM invitations WHERE room_id = $1 ORDER BY created_at, id`, [roomId]);
      return rows.map(invitationFromRow);
    },
    async revokeInvitation(roomId, id, at) {
      const result = await pool.query('UPDATE invitations SET revoked_at = $1 WHERE room_id = $2 AND id = $3 AND revoked_at IS NULL', [at, roomId, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async createSession(r, tokenHash) {
      await pool.query(
        `INSERT INTO sessions (id, room_id, role, cell, name, invitation_id, token_hash, identity, id_token, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, NULL)`,
        [r.id, r.roomId, r.role, r.cell, r.name, r.invitationId, tokenHash, identityColumn(r.identity), r.idTokenHint, r.createdAt, r.expiresAt],
      );
    },
    async findSessionByTokenHash(tokenHash) {
      const { rows } = await pool.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE token_hash = $1`, [tokenHash]);
      return rows[0] ? sessionFromRow(rows[0]) : null;
    },
    async listSessions(roomId) {
      const { rows } = await pool.query<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE room_id = $1 ORDER BY created_at, id`, [roomId]);
      return rows.map(sessionFromRow);
    },
    async revokeSessions(roomId, filter, at) {
      // One UPDATE … RETURNING: the ids revoked are exactly those this call changed, even if another instance revokes at the same time.
      const { rows } = await pool.query<{ id: string }>(
        `UPDATE sessions SET revoked_at = $1
            WHERE room_id = $2 AND revoked_at IS NULL
              AND (($3::text IS NOT NULL AND id = $3) OR ($4::text IS NOT NULL AND invitation_id = $4))
          RETURNING id`,
        [at, roomId, filter.sessionId ?? null, filter.invitationId ?? null],
      );
      return rows.map((r) => r.id);
    },
    async createYjsTicket(ticketHash, sessionId, issuedAt, expiresAt) {
      await pool.query('DELETE FROM yjs_tickets WHERE expires_at <= $1', [issuedAt]);
      await pool.query('INSERT INTO yjs_tickets (ticket_hash, session_id, expires_at) VALUES ($1, $2, $3)', [ticketHash, sessionId, expiresAt]);
    },
    async consumeYjsTicket(ticketHash, now) {
      // DELETE … RETURNING in one statement: of two instances redeeming the same ticket, only one gets a row.
      const { rows } = await pool.query<SessionRow>(
        `WITH used AS (DELETE FROM yjs_tickets WHERE ticket_hash = $1 RETURNING session_id, expires_at)
         SELECT ${SESSION_COLUMNS.split(', ')
           .map((c) => `s.${c}`)
           .join(', ')} FROM used JOIN sessions s ON s.id = used.session_id WHERE used.expires_at > $2`,
        [ticketHash, now],
      );
      return rows[0] ? sessionFromRow(rows[0]) : null;
    },
    async createLogin(stateHash, login) {
      const row = loginToRow(login);
      await pool.query('DELETE FROM oidc_logins WHERE expires_at <= $1', [login.createdAt]);
      await pool.query('INSERT INTO oidc_logins (state_hash, provider, code_verifier, nonce, intent, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        stateHash,
        row.provider,
        row.code_verifier,
        row.nonce,
        row.intent,
        row.created_at,
        row.expires_at,
      ]);
    },
    async consumeLogin(stateHash, now) {
      // DELETE … RETURNING: of two callbacks carrying the same state (a replay), only one gets the login.
      const { rows } = await pool.query<LoginRow>('DELETE FROM oidc_logins WHERE state_hash = $1 RETURNING provider, code_verifier, nonce, intent, created_at, expires_at', [stateHash]);
      const row = rows[0];
      return row && Number(row.expires_at) > now ? loginFromRow(row) : null;
    },
    async createOperatorSession(r, tokenHash) {
      await pool.query('INSERT INTO operator_sessions (id, token_hash, identity, id_token, created_at, expires_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)', [
        r.id,
        tokenHash,
        JSON.stringify(r.identity),
        r.idTokenHint,
        r.createdAt,
        r.expiresAt,
      ]);
    },
    async findOperatorSessionByTokenHash(tokenHash) {
      const { rows } = await pool.query<OperatorSessionRow>('SELECT id, identity, id_token, created_at, expires_at, revoked_at FROM operator_sessions WHERE token_hash = $1', [tokenHash]);
      return rows[0] ? operatorSessionFromRow(rows[0]) : null;
    },
    async revokeOperatorSession(id, at) {
      const result = await pool.query('UPDATE operator_sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
