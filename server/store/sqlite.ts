import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './sqlite-schema.js';
import { sqliteEventStore } from './sqlite-events.js';
import { sqliteAccessStore } from './sqlite-access.js';
import { sqliteDocStore } from './sqlite-docs.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { SqliteWriter, type WriterOptions } from './sqlite-writer.js';
import type { Store } from './types.js';

/** The embedded store, with its writer (where it commits, for the metrics and the tests). */
export type SqliteStore = Store & { readonly writer: SqliteWriter };

/**
 * The embedded default store: one SQLite file in `dataDir`, WAL journal, `synchronous=FULL`
 * so that a committed transaction survives a crash or power loss before anything is acknowledged.
 * Every write (events, document updates, invitations, sessions, tickets) goes through one writer (`sqlite-writer.ts`),
 * in group commits: on the event loop while commits are fast, in a writer thread while the disk is slow, so that a slow
 * fsync never blocks the event loop; this connection reads.
 */
export function openSqliteStore(dataDir: string, options: WriterOptions = {}): SqliteStore {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'orsan-room.db');
  const db = openSqliteDatabase(file);
  migrate(db);
  const writer = new SqliteWriter(file, options);
  return {
    kind: 'sqlite',
    writer,
    writePath: () => ({ place: writer.committer, moves: writer.moves }),
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
