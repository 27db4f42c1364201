import Database from 'better-sqlite3';

/**
 * The bare durable loop every store figure is compared with: plain better-sqlite3, the server's pragmas
 * (WAL, `synchronous=FULL`), one INSERT per transaction, so each `commit` returns once its row is on disk.
 */
export interface BareLoop {
  commit(body: string): void;
  close(): void;
}

export function openBareLoop(file: string): BareLoop {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (room_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (room_id, seq)) WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO events (room_id, seq, body) VALUES (?, ?, ?)');
  let seq = 0;
  return {
    commit: (body) => void insert.run('bench-room', ++seq, body),
    close: () => db.close(),
  };
}
