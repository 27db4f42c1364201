import Database from 'better-sqlite3';

/**
 * A connection to the store's file: WAL journal (readers never wait for the writer), `synchronous=FULL` so that a
 * committed transaction survives a crash or power loss before anything is acknowledged.
 */
export function openSqliteDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
