import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { summarise } from './stats.js';

/**
 * One source of controlled pressure, started by `lib/pressure.ts` in its own process:
 *
 * - `disk` (`BENCH_PRESSURE_MODE`): in a loop, writes 16 MiB to a file in `BENCH_PRESSURE_DIR`, fsyncs it, then (every other burst)
 *   overwrites it in place, fsyncs and deletes it — what an install, a build or a backup does to the disk the
 *   server writes its log on. Bursts follow each other back to back (`BENCH_PRESSURE_PAUSE_MS` between them, 0 by
 *   default): the disk flushes 16 MiB at a time, and a small fsync arriving meanwhile waits behind the flush.
 * - `cpu`: a duty-cycle busy loop, `BENCH_PRESSURE_BUSY_MS` of CPU time in every period of twice that (≈ 50 % of
 *   the core the parent pinned it to).
 *
 * Prints `PRESSURE_READY` once it works, and `PRESSURE_STATS <json>` on SIGTERM/SIGINT before exiting; stops
 * by itself if the bench process (`BENCH_PRESSURE_PARENT`) disappears, so it never outlives the run.
 */
const mode = process.env.BENCH_PRESSURE_MODE;
const dir = process.env.BENCH_PRESSURE_DIR ?? '';
const burstMiB = Number(process.env.BENCH_PRESSURE_BURST_MIB ?? 16);
const pauseMs = Number(process.env.BENCH_PRESSURE_PAUSE_MS ?? 0);
const busyMs = Number(process.env.BENCH_PRESSURE_BUSY_MS ?? 10);
const parentPid = Number(process.env.BENCH_PRESSURE_PARENT ?? process.ppid);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let stopping = false;
const stop = () => (stopping = true);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    stop();
  }
}, 250).unref();

async function diskLoop(): Promise<Record<string, unknown>> {
  if (!dir) throw new Error('BENCH_PRESSURE_DIR is not set');
  const file = join(dir, 'pressure.bin');
  const chunk = randomBytes(1 << 20);
  const burstMs: number[] = [];
  const started = performance.now();
  try {
    for (let burst = 0; !stopping; burst++) {
      const t = performance.now();
      // Even bursts allocate a new file; odd ones rewrite its blocks in place, then delete it.
      const handle = await open(file, burst % 2 === 0 ? 'w' : 'r+');
      try {
        for (let i = 0; i < burstMiB && !stopping; i++) await handle.write(chunk, 0, chunk.length, i * chunk.length);
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (burst % 2 === 1) await rm(file, { force: true });
      burstMs.push(performance.now() - t);
      if (burst === 0) console.log('PRESSURE_READY');
      await sleep(pauseMs);
    }
  } finally {
    // The folder too (the parent removes it as well): nothing is left behind even if the parent was killed.
    await rm(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  return { mode, burstMiB, pauseMs, bursts: burstMs.length, writtenMiBPerSecond: Math.round(((burstMs.length * burstMiB) / seconds) * 10) / 10, burstMs: summarise(burstMs) };
}

async function cpuLoop(): Promise<Record<string, unknown>> {
  console.log('PRESSURE_READY');
  const periodMs = 2 * busyMs;
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const cpu0 = cpuMs();
  const started = performance.now();
  while (!stopping) {
    // Busy until this period has had `busyMs` of CPU (not of wall time: on a shared core it gets less), then idle.
    const periodStart = performance.now();
    const cpuStart = cpuMs();
    while (cpuMs() - cpuStart < busyMs && performance.now() - periodStart < periodMs);
    await sleep(Math.max(1, periodStart + periodMs - performance.now()));
  }
  return { mode, busyMs, periodMs, cpuShare: Math.round(((cpuMs() - cpu0) / (performance.now() - started)) * 100) / 100 };
}

async function main(): Promise<void> {
  if (mode !== 'disk' && mode !== 'cpu') throw new Error(`unknown pressure mode ${mode}`);
  const stats = mode === 'disk' ? await diskLoop() : await cpuLoop();
  console.log(`PRESSURE_STATS ${JSON.stringify(stats)}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
