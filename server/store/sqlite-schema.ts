import type Database from 'better-sqlite3';

/** Ordered migrations; `PRAGMA user_version` records how many have run. Never edit one that has shipped. */
const migrations: string[] = [
  `CREATE TABLE events (
     room_id TEXT NOT NULL,
     seq INTEGER NOT NULL,
     type TEXT NOT NULL,
     wall_time INTEGER NOT NULL,
     exercise_time INTEGER NOT NULL,
     actor TEXT NOT NULL,
     visibility TEXT NOT NULL,
     payload TEXT NOT NULL,
     command_id TEXT,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (room_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE commands (
     room_id TEXT NOT NULL,
     command_id TEXT NOT NULL,
     first_seq INTEGER NOT NULL,
     last_seq INTEGER NOT NULL,
     PRIMARY KEY (room_id, command_id)
   ) WITHOUT ROWID;
   CREATE TABLE invitations (
     id TEXT PRIMARY KEY,
     room_id TEXT NOT NULL,
     role TEXT NOT NULL,
     cell TEXT,
     label TEXT,
     code_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER
   );
   CREATE INDEX invitations_room ON invitations(room_id);
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     room_id TEXT NOT NULL,
     role TEXT NOT NULL,
     cell TEXT,
     name TEXT NOT NULL,
     invitation_id TEXT,
     token_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER
   );
   CREATE INDEX sessions_room ON sessions(room_id);
   CREATE TABLE doc_updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room_id TEXT NOT NULL,
     doc_name TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(room_id, doc_name, id);`,
  `CREATE TABLE imported_rooms (room_id TEXT PRIMARY KEY, imported_at INTEGER NOT NULL) WITHOUT ROWID;`,
  // Idempotency now reads the events' own command_id (indexed in memory): the separate table cost a write per commit.
  `DROP TABLE commands;`,
  // Each room's secret for the hashes of its hidden events (hash-chain.ts); rooms created before have none yet.
  `CREATE TABLE chain_salts (room_id TEXT PRIMARY KEY, secret TEXT NOT NULL, from_seq INTEGER NOT NULL) WITHOUT ROWID;`,
  // Single-use tickets that open a Yjs WebSocket, so that no session token travels in a URL.
  `CREATE TABLE yjs_tickets (ticket_hash TEXT PRIMARY KEY, session_id TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX yjs_tickets_expiry ON yjs_tickets(expires_at);`,
  // Which session writes with each Yjs client id of a document: another session using that id is refused.
  `CREATE TABLE doc_clients (
     room_id TEXT NOT NULL,
     doc_name TEXT NOT NULL,
     client_id INTEGER NOT NULL,
     session_id TEXT NOT NULL,
     PRIMARY KEY (room_id, doc_name, client_id)
   ) WITHOUT ROWID;`,
  // Sign-in (OpenID Connect): invitations that admit a verified identity have no code; sessions keep who signed in.
  `CREATE TABLE invitations_v2 (
     id TEXT PRIMARY KEY,
     room_id TEXT NOT NULL,
     role TEXT NOT NULL,
     cell TEXT,
     label TEXT,
     code_hash TEXT UNIQUE,
     identity TEXT,
     created_at INTEGER NOT NULL,
     expires_at INTEGER,
     revoked_at INTEGER,
     CHECK ((code_hash IS NULL) <> (identity IS NULL))
   );
   INSERT INTO invitations_v2 (id, room_id, role, cell, label, code_hash, identity, created_at, expires_at, revoked_at)
     SELECT id, room_id, role, cell, label, code_hash, NULL, created_at, expires_at, revoked_at FROM invitations;
   DROP TABLE invitations;
   ALTER TABLE invitations_v2 RENAME TO invitations;
   CREATE INDEX invitations_room ON invitations(room_id);
   ALTER TABLE sessions ADD COLUMN identity TEXT;
   ALTER TABLE sessions ADD COLUMN id_token TEXT;
   CREATE TABLE oidc_logins (
     state_hash TEXT PRIMARY KEY,
     provider TEXT NOT NULL,
     code_verifier TEXT NOT NULL,
     nonce TEXT NOT NULL,
     intent TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE operator_sessions (
     id TEXT PRIMARY KEY,
     token_hash TEXT NOT NULL UNIQUE,
     identity TEXT NOT NULL,
     id_token TEXT,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     revoked_at INTEGER
   );`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
