import type pg from 'pg';
import * as Y from 'yjs';
import { advisoryClass } from './postgres-locks.js';
import { inTransaction } from './postgres-tx.js';
import type { DocStore } from './types.js';

/**
 * Yjs updates on PostgreSQL, same contract as `sqliteDocStore`. Ids come from one sequence shared by all
 * instances, so an instance may store, between two of its own updates, one it has not applied yet.
 * Compaction therefore never trusts the caller's snapshot alone: it merges it with the stored updates it
 * replaces, and deletes exactly those, so nothing another instance stored is ever lost.
 */
export function postgresDocStore(pool: pg.Pool): DocStore {
  return {
    async appendUpdate(roomId, docName, update) {
      const { rows } = await pool.query<{ id: string }>('INSERT INTO doc_updates (room_id, doc_name, data) VALUES ($1, $2, $3) RETURNING id', [roomId, docName, Buffer.from(update)]);
      return Number(rows[0]!.id);
    },
    async loadUpdates(roomId, docName) {
      const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE room_id = $1 AND doc_name = $2 ORDER BY id', [roomId, docName]);
      return rows.map((r) => new Uint8Array(r.data));
    },
    async compact(roomId, docName, snapshot, upToId) {
      await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [advisoryClass.doc, `${roomId}/${docName}`]);
        const { rows } = await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM doc_updates WHERE room_id = $1 AND doc_name = $2 AND id <= $3 ORDER BY id', [roomId, docName, upToId]);
        // Yjs merges overlapping updates: what the snapshot already holds is kept once.
        const merged = Y.mergeUpdates([...rows.map((r) => new Uint8Array(r.data)), snapshot]);
        await client.query('DELETE FROM doc_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
        // The snapshot takes the id of the last update it replaces, so later updates keep sorting after it.
        await client.query('INSERT INTO doc_updates (id, room_id, doc_name, data) VALUES ($1, $2, $3, $4)', [upToId, roomId, docName, Buffer.from(merged)]);
      });
    },
    async listDocs(roomId) {
      const { rows } = await pool.query<{ doc_name: string }>('SELECT DISTINCT doc_name FROM doc_updates WHERE room_id = $1 ORDER BY doc_name', [roomId]);
      return rows.map((r) => r.doc_name);
    },
    async claimClients(roomId, docName, sessionId, clientIds) {
      // ON CONFLICT DO NOTHING settles a race between instances: the first binding stays, and the SELECT
      // that follows reads it, whoever inserted it.
      await pool.query(
        `INSERT INTO doc_clients (room_id, doc_name, client_id, session_id)
         SELECT $1, $2, unnest($3::bigint[]), $4 ON CONFLICT DO NOTHING`,
        [roomId, docName, clientIds, sessionId],
      );
      const { rows } = await pool.query<{ client_id: string; session_id: string }>(
        'SELECT client_id, session_id FROM doc_clients WHERE room_id = $1 AND doc_name = $2 AND client_id = ANY($3::bigint[])',
        [roomId, docName, clientIds],
      );
      return new Map(rows.map((r) => [Number(r.client_id), r.session_id]));
    },
  };
}
