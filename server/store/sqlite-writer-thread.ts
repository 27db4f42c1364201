import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from './sqlite-database.js';
import { sqliteBatchRunner } from './sqlite-write-batches.js';
import type { ThreadMessage, WriterRequest } from './sqlite-writer-protocol.js';

/**
 * The writer thread: while the disk is slow, the only connection that writes (events, document updates, invitations,
 * sessions, tickets). Every request that arrived in one turn of this thread's event loop is committed in one
 * transaction with one fsync (`sqlite-write-batches.ts`); then each is answered, with the commit's duration. The fsync
 * blocks this thread, never the server's event loop, so the broadcast of one batch overlaps the commit of the next.
 */
const port = parentPort!;
const db = openSqliteDatabase((workerData as { file: string }).file);
const runner = sqliteBatchRunner(db);
const queue: WriterRequest[] = [];

function flush(): void {
  const batch = queue.splice(0);
  const { replies, ms } = runner.commit(batch);
  for (const reply of replies) port.postMessage({ ...reply, ms } satisfies ThreadMessage);
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
port.postMessage({ ready: true } satisfies ThreadMessage);
