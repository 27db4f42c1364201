import { parentPort, workerData } from 'node:worker_threads';
import type { RoomEvent } from '../../shared/core/events.js';
import type { ChainSalt } from './hash-chain.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { sqliteAccessWriter } from './sqlite-access.js';
import { sqliteDocWriter } from './sqlite-docs.js';
import { sqliteEventWriter } from './sqlite-events.js';
import { toWire, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';
import type { BatchItem, InvitationRecord, SessionRecord } from './types.js';

/**
 * The writer thread: the only connection that writes (events, document updates, invitations, sessions, tickets). Every request that arrived in one
 * turn of this thread's event loop is run in ONE transaction — each in its own savepoint, so that one refused request
 * leaves the others — and committed with one fsync; then each is answered. The fsync blocks this thread, never the
 * server's event loop, so the broadcast of one batch overlaps the commit of the next.
 */
const port = parentPort!;
const db = openSqliteDatabase((workerData as { file: string }).file);
let events = sqliteEventWriter(db);
const docs = sqliteDocWriter(db);
const access = sqliteAccessWriter(db);

const queue: WriterRequest[] = [];

function run(request: WriterRequest): unknown {
  const a = request.args;
  switch (request.op) {
    case 'events.appendBatch':
      return events.appendBatch(a[0] as string, a[1] as BatchItem[], a[2] as number | undefined);
    case 'events.importRoom':
      return events.importRoom(a[0] as string, a[1] as RoomEvent[], a[2] as number, a[3] as ChainSalt | null);
    case 'docs.appendUpdate':
      return docs.appendUpdate(a[0] as string, a[1] as string, a[2] as Uint8Array);
    case 'docs.compact':
      return docs.compact(a[0] as string, a[1] as string, a[2] as Uint8Array, a[3] as number);
    case 'docs.claimClients':
      return docs.claimClients(a[0] as string, a[1] as string, a[2] as string, a[3] as number[]);
    case 'access.createInvitation':
      return access.createInvitation(a[0] as InvitationRecord, a[1] as string);
    case 'access.revokeInvitation':
      return access.revokeInvitation(a[0] as string, a[1] as string, a[2] as number);
    case 'access.createSession':
      return access.createSession(a[0] as SessionRecord, a[1] as string);
    case 'access.revokeSessions':
      return access.revokeSessions(a[0] as string, a[1] as string | null, a[2] as string | null, a[3] as number);
    case 'access.createYjsTicket':
      return access.createYjsTicket(a[0] as string, a[1] as string, a[2] as number, a[3] as number);
    case 'access.takeYjsTicket':
      return access.takeYjsTicket(a[0] as string);
    case 'close':
      return undefined;
  }
}

function runAlone(request: WriterRequest): WriterReply {
  try {
    return { id: request.id, ok: true, value: run(request) };
  } catch (error) {
    return { id: request.id, ok: false, error: toWire(error) };
  }
}

const group = db.transaction((batch: readonly WriterRequest[]): WriterReply[] => batch.map(runAlone));

function flush(): void {
  const batch = queue.splice(0);
  let replies: WriterReply[];
  try {
    // Alone, a request is its own transaction: no savepoint to pay for.
    replies = batch.length === 1 ? [runAlone(batch[0]!)] : group(batch);
  } catch (error) {
    // The commit itself failed (disk full, I/O error): nothing of the batch is stored, and the caches that
    // learnt of its savepoints are wrong.
    events.reset();
    events = sqliteEventWriter(db);
    replies = batch.map((request) => ({ id: request.id, ok: false, error: toWire(error) }));
  }
  for (const reply of replies) port.postMessage(reply);
  if (batch.some((r) => r.op === 'close')) {
    db.close();
    port.close();
  }
}

port.on('message', (request: WriterRequest) => {
  queue.push(request);
  // The requests posted while this thread was committing are all waiting: they form the next batch.
  if (queue.length === 1) setImmediate(flush);
});
