import type pg from 'pg';
import { advisoryClass } from './postgres-locks.js';

/**
 * Ordered migrations, the same tables as SQLite's (`sqlite-schema.ts`). `orsan_migrations` records which
 * have run. Never edit one that has shipped: add the next one.
 */
const migrations: string[] = [
  `CREATE TABLE events (
     room_id text NOT NULL,
     seq bigint NOT NULL,
     type text NOT NULL,
     wall_time bigint NOT NULL,
     exercise_time bigint NOT NULL,
     actor text NOT NULL,
     visibility text NOT NULL,
     payload text NOT NULL,
     command_id text,
     prev_hash text NOT NULL,
     hash text NOT NULL,
     PRIMARY KEY (room_id, seq)
   );
   CREATE INDEX events_rooms ON events(wall_time, room_id) WHERE seq = 1;
   CREATE TABLE commands (
     room_id text NOT NULL,
     command_id text NOT NULL,
     first_seq bigint NOT NULL,
     last_seq bigint NOT NULL,
     PRIMARY KEY (room_id, command_id)
   );
   CREATE TABLE invitations (
     id text PRIMARY KEY,
     room_id text NOT NULL,
     role text NOT NULL,
     cell text,
     label text,
     code_hash text NOT NULL UNIQUE,
     created_at bigint NOT NULL,
     expires_at bigint,
     revoked_at bigint
   );
   CREATE INDEX invitations_room ON invitations(room_id);
   CREATE TABLE sessions (
     id text PRIMARY KEY,
     room_id text NOT NULL,
     role text NOT NULL,
     cell text,
     name text NOT NULL,
     invitation_id text,
     token_hash text NOT NULL UNIQUE,
     created_at bigint NOT NULL,
     expires_at bigint,
     revoked_at bigint
   );
   CREATE INDEX sessions_room ON sessions(room_id);
   CREATE TABLE doc_updates (
     id bigserial PRIMARY KEY,
     room_id text NOT NULL,
     doc_name text NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(room_id, doc_name, id);`,
  `CREATE TABLE imported_rooms (room_id text PRIMARY KEY, imported_at bigint NOT NULL);`,
  // Each room's secret for the hashes of its hidden events (hash-chain.ts); rooms created before have none yet.
  `CREATE TABLE chain_salts (room_id text PRIMARY KEY, secret text NOT NULL, from_seq bigint NOT NULL);`,
  // Single-use tickets that open a Yjs WebSocket, so that no session token travels in a URL.
  `CREATE TABLE yjs_tickets (ticket_hash text PRIMARY KEY, session_id text NOT NULL, expires_at bigint NOT NULL);
   CREATE INDEX yjs_tickets_expiry ON yjs_tickets(expires_at);`,
  // Which session writes with each Yjs client id of a document: another session using that id is refused.
  `CREATE TABLE doc_clients (
     room_id text NOT NULL,
     doc_name text NOT NULL,
     client_id bigint NOT NULL,
     session_id text NOT NULL,
     PRIMARY KEY (room_id, doc_name, client_id)
   );`,
  // Sign-in (OpenID Connect): invitations that admit a verified identity have no code; sessions keep who signed in.
  `ALTER TABLE invitations ALTER COLUMN code_hash DROP NOT NULL;
   ALTER TABLE invitations ADD COLUMN identity text;
   ALTER TABLE invitations ADD CONSTRAINT invitations_code_or_identity CHECK ((code_hash IS NULL) <> (identity IS NULL));
   ALTER TABLE sessions ADD COLUMN identity text;
   ALTER TABLE sessions ADD COLUMN id_token text;
   CREATE TABLE oidc_logins (
     state_hash text PRIMARY KEY,
     provider text NOT NULL,
     code_verifier text NOT NULL,
     nonce text NOT NULL,
     intent text NOT NULL,
     created_at bigint NOT NULL,
     expires_at bigint NOT NULL
   );
   CREATE TABLE operator_sessions (
     id text PRIMARY KEY,
     token_hash text NOT NULL UNIQUE,
     identity text NOT NULL,
     id_token text,
     created_at bigint NOT NULL,
     expires_at bigint NOT NULL,
     revoked_at bigint
   );`,
];

/** The version a migrated schema is at. */
export const schemaVersion = migrations.length;

/** A schema name we can quote safely in DDL (`CREATE SCHEMA "…"`). */
export function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Schéma PostgreSQL invalide « ${schema} » : lettres minuscules, chiffres et _ seulement.`);
  }
}

/**
 * Creates the schema if needed and runs the missing migrations, in one transaction under an advisory lock:
 * two instances starting together never run the same migration twice.
 */
export async function migrate(client: pg.PoolClient, schema: string): Promise<void> {
  assertSchemaName(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [advisoryClass.migration, schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET LOCAL search_path TO "${schema}"`);
    await client.query('CREATE TABLE IF NOT EXISTS orsan_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM orsan_migrations');
    for (let version = rows[0]?.version ?? 0; version < migrations.length; version++) {
      await client.query(migrations[version]!);
      await client.query('INSERT INTO orsan_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
