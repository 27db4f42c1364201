import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from './sqlite-database.js';
import { sqliteAccessWriter } from './sqlite-access.js';
import { sqliteDocWriter } from './sqlite-docs.js';
import { sqliteEventWriter } from './sqlite-events.js';
import { toWire, type SyncWriters, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';

/**
 * The writer thread: the only connection that writes (events, document updates, invitations, sessions, tickets).
 * Every request that arrived in one turn of this thread's event loop is run in ONE transaction — each in its own savepoint, so that one refused request
 * leaves the others — and committed with one fsync; then each is answered. The fsync blocks this thread, never the
 * server's event loop, so the broadcast of one batch overlaps the commit of the next.
 */
const port = parentPort!;
const db = openSqliteDatabase((workerData as { file: string }).file);
let events = sqliteEventWriter(db);
const writers: SyncWriters = { events, docs: sqliteDocWriter(db), access: sqliteAccessWriter(db) };

const queue: WriterRequest[] = [];

function run(request: WriterRequest): unknown {
  if (request.group === 'close') return undefined;
  // Requests come from this process's main thread only; the check keeps a wrong name a typed refusal.
  const functions = writers[request.group] as unknown as Record<string, (...args: unknown[]) => unknown>;
  if (!Object.hasOwn(functions, request.method)) throw new Error(`Écriture inconnue : ${request.group}.${request.method}.`);
  return functions[request.method]!(...request.args);
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
    writers.events = events = sqliteEventWriter(db);
    replies = batch.map((request) => ({ id: request.id, ok: false, error: toWire(error) }));
  }
  for (const reply of replies) port.postMessage(reply);
  if (batch.some((r) => r.group === 'close')) {
    db.close();
    port.close();
  }
}

port.on('message', (request: WriterRequest) => {
  queue.push(request);
  // The requests posted while this thread was committing are all waiting: they form the next batch.
  if (queue.length === 1) setImmediate(flush);
});
