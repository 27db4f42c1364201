import type pg from 'pg';
import type { AccessStore } from './types.js';
import { invitationFromRow, sessionFromRow, type InvitationRow, type SessionRow } from './rows.js';

const INVITATION_COLUMNS = 'id, room_id, role, cell, label, created_at, expires_at, revoked_at';
const SESSION_COLUMNS = 'id, room_id, role, cell, name, invitation_id, created_at, expires_at, revoked_at';

/** Invitations and sessions on PostgreSQL, same contract as `sqliteAccessStore`: only hashes of secrets. */
export function postgresAccessStore(pool: pg.Pool): AccessStore {
  return {
    async createInvitation(r, codeHash) {
      await pool.query(
        `INSERT INTO invitations (id, room_id, role, cell, label, code_hash, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)`,
        [r.id, r.roomId, r.role, r.cell, r.label, codeHash, r.createdAt, r.expiresAt],
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
        `INSERT INTO sessions (id, room_id, role, cell, name, invitation_id, token_hash, created_at, expires_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL)`,
        [r.id, r.roomId, r.role, r.cell, r.name, r.invitationId, tokenHash, r.createdAt, r.expiresAt],
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
  };
}
