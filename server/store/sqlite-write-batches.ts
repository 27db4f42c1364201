import type Database from 'better-sqlite3';
import { sqliteAccessWriter } from './sqlite-access.js';
import { sqliteDocWriter } from './sqlite-docs.js';
import { sqliteEventWriter } from './sqlite-events.js';
import { toWire, type SyncWriters, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';

/** What one commit did: its answers, in the order of the requests, and how long it held the connection. */
export interface CommittedBatch {
  replies: WriterReply[];
  ms: number;
}

/**
 * The write path on one connection, shared by the writer thread and the main thread's inline writer: every request
 * of a batch in ONE transaction — each in its own savepoint, so that one refused request leaves the others — and
 * one fsync. The caches of the event writer (heads, command ids, salts) are only right while no other connection
 * writes: `reset` drops them before this connection writes again after another one did.
 */
export function sqliteBatchRunner(db: Database.Database, now: () => number = () => performance.now()) {
  let events = sqliteEventWriter(db);
  const writers: SyncWriters = { events, docs: sqliteDocWriter(db), access: sqliteAccessWriter(db) };

  function run(request: WriterRequest): unknown {
    if (!('method' in request)) return undefined; // `close`, `reset`: nothing to write
    // Requests come from this process only; the check keeps a wrong name a typed refusal.
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

  function reset(): void {
    events.reset();
    writers.events = events = sqliteEventWriter(db);
  }

  function commit(batch: readonly WriterRequest[]): CommittedBatch {
    if (batch.some((r) => r.group === 'reset')) reset();
    const started = now();
    let replies: WriterReply[];
    try {
      // Alone, a request is its own transaction: no savepoint to pay for.
      replies = batch.length === 1 ? [runAlone(batch[0]!)] : group(batch);
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the batch is stored, and the caches that
      // learnt of its savepoints are wrong.
      reset();
      replies = batch.map((request) => ({ id: request.id, ok: false, error: toWire(error) }));
    }
    return { replies, ms: now() - started };
  }

  return { commit, reset };
}
