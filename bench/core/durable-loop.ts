import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBareLoop } from '../lib/sqlite-loop.js';
import { summarise, type LatencySummary } from '../lib/stats.js';

/**
 * The disk condition of a run: the bare durable loop (lib/sqlite-loop.ts) committing ~700 B rows for
 * `BENCH_DURABLE_LOOP_MS` on the file system the server writes to (a temp folder, like the server's DATA_DIR).
 * Under disk pressure its p99 commit time is what any durable server pays at best. Prints `RESULT <json>`.
 */
export interface DurableLoopResult {
  rowBytes: number;
  seconds: number;
  commitsPerSecond: number;
  commitMs: LatencySummary;
}

const durationMs = Number(process.env.BENCH_DURABLE_LOOP_MS ?? 5_000);
const maxCommits = 500_000;
const rowBytes = 700;

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-loop-'));
  try {
    const loop = openBareLoop(join(dir, 'loop.db'));
    const body = 'x'.repeat(rowBytes);
    const samples: number[] = [];
    const start = performance.now();
    while (performance.now() - start < durationMs && samples.length < maxCommits) {
      const t = performance.now();
      loop.commit(body);
      samples.push(performance.now() - t);
    }
    const seconds = (performance.now() - start) / 1000;
    loop.close();
    const result: DurableLoopResult = { rowBytes, seconds: Math.round(seconds * 10) / 10, commitsPerSecond: Math.round(samples.length / seconds), commitMs: summarise(samples) };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
