import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './sqlite-schema.js';
import { sqliteEventStore } from './sqlite-events.js';
import { sqliteAccessStore } from './sqlite-access.js';
import { sqliteDocStore } from './sqlite-docs.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteWriter } from './sqlite-writer.js';
import type { Store } from './types.js';

/**
 * The embedded default store: one SQLite file in `dataDir`, WAL journal, `synchronous=FULL`
 * so that a committed transaction survives a crash or power loss before anything is acknowledged.
 * Every write (events, document updates, invitations, sessions, tickets) is made by a writer thread
 * (`sqlite-writer-thread.ts`), in group commits, so that no fsync blocks the event loop; this connection reads.
 */
export function openSqliteStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'orsan-room.db');
  const db = openSqliteDatabase(file);
  migrate(db);
  const writer = new SqliteWriter(file);
  return {
    kind: 'sqlite',
    events: sqliteEventStore(db, { ...writer.group('events', ['appendBatch', 'importRoom']), onReset: (listener) => writer.onReset(listener) }),
    access: sqliteAccessStore(
      db,
      writer.group('access', [
        'createInvitation',
        'revokeInvitation',
        'createSession',
        'revokeSessions',
        'createYjsTicket',
        'takeYjsTicket',
        'createLogin',
        'takeLogin',
        'createOperatorSession',
        'revokeOperatorSession',
      ]),
    ),
    docs: sqliteDocStore(db, writer.group('docs', ['appendUpdate', 'compact', 'claimClients'])),
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      await writer.close();
      db.close();
    },
  };
}
