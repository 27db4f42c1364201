import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '../../shared/core/roles.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { NewEvent } from '../../server/store/types.js';
import { median, summarise, type LatencySummary } from '../lib/stats.js';

/**
 * Durable append rate: ORSAN's EventStore.append (one event per command, with its command id, hash chain and
 * idempotency row) against a bare better-sqlite3 loop committing one row of the same size per transaction,
 * same pragmas (WAL, synchronous=FULL). Rounds alternate so that background noise hits both alike.
 */
export interface StoreRound {
  appendsPerSecond: number;
  latencyMs: LatencySummary;
}
export interface StoreResult {
  rowBytes: number;
  orsan: StoreRound[];
  bare: StoreRound[];
  orsanMedian: number;
  bareMedian: number;
  ratio: number;
}

const roundMs = Number(process.env.BENCH_STORE_ROUND_MS ?? 1_500);
const rounds = Number(process.env.BENCH_STORE_ROUNDS ?? 6);
const maxOpsPerRound = 200_000;
const draft: NewEvent = {
  type: 'room.announced',
  wallTime: Date.now(),
  exerciseTime: 0,
  actor: systemActor,
  visibility: 'all',
  payload: { text: 'Point de situation : '.padEnd(288, '·') },
};

/** Runs `op` for `roundMs` (bounded in count too) and reports its rate and per-op latency. */
async function round(op: () => unknown): Promise<StoreRound> {
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < roundMs && samples.length < maxOpsPerRound) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  return { appendsPerSecond: Math.round(samples.length / seconds), latencyMs: summarise(samples) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-store-'));
  const store = openSqliteStore(join(dir, 'orsan'));
  const bare = new Database(join(dir, 'bare.db'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE events (room_id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (room_id, seq)) WITHOUT ROWID');
  const insert = bare.prepare('INSERT INTO events (room_id, seq, body) VALUES (?, ?, ?)');

  const [sample] = (await store.events.append('calibrage', [draft], randomUUID())).events;
  const body = JSON.stringify(sample);
  let seq = 0;
  const result: StoreResult = { rowBytes: body.length, orsan: [], bare: [], orsanMedian: 0, bareMedian: 0, ratio: 0 };
  for (let i = 0; i < rounds; i++) {
    result.bare.push(await round(() => insert.run('bench-room', ++seq, body)));
    result.orsan.push(await round(() => store.events.append('bench-room', [draft], randomUUID())));
  }
  result.orsanMedian = median(result.orsan.map((r) => r.appendsPerSecond));
  result.bareMedian = median(result.bare.map((r) => r.appendsPerSecond));
  result.ratio = Math.round((result.orsanMedian / result.bareMedian) * 1000) / 1000;
  await store.close();
  bare.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
