import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './sqlite-schema.js';
import { sqliteEventStore } from './sqlite-events.js';
import { sqliteAccessStore } from './sqlite-access.js';
import { sqliteDocStore } from './sqlite-docs.js';
import type { Store } from './types.js';

/**
 * The embedded default store: one SQLite file in `dataDir`, WAL journal, `synchronous=FULL`
 * so that a committed transaction survives a crash or power loss before anything is acknowledged.
 */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'orsan-room.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return {
    kind: 'sqlite',
    events: sqliteEventStore(db),
    access: sqliteAccessStore(db),
    docs: sqliteDocStore(db),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      db.close();
    },
  };
}
