import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const resultsDir = fileURLToPath(new URL('../results', import.meta.url));

/** `bench/results/<yyyy-mm-dd>-<suite>.json`: one file per suite and day, committed with the code it measured. */
export function writeResults(suite: string, results: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${new Date().toISOString().slice(0, 10)}-${suite}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

/** 1-minute load average: other processes on a shared machine move absolute numbers, so it is recorded beside them. */
export const loadAverage = () => Math.round(loadavg()[0]! * 100) / 100;

/**
 * Share of the last 60 s during which some task waited for CPU or for I/O (Linux PSI, percent).
 * High values mean other work on the machine was competing with the bench: its tails are not ours alone.
 */
export function contention(): { cpuSomeAvg60: number | null; ioSomeAvg60: number | null } {
  const avg60 = (kind: string) => {
    const file = `/proc/pressure/${kind}`;
    if (!existsSync(file)) return null;
    const found = readFileSync(file, 'utf8').match(/^some .*avg60=([\d.]+)/m);
    return found ? Number(found[1]) : null;
  };
  return { cpuSomeAvg60: avg60('cpu'), ioSomeAvg60: avg60('io') };
}

/** Cumulative stall time (µs) of `/proc/pressure/<kind>`'s `some` line, or null without PSI. */
function stalledMicros(kind: 'cpu' | 'io'): number | null {
  const file = `/proc/pressure/${kind}`;
  if (!existsSync(file)) return null;
  const found = readFileSync(file, 'utf8').match(/^some .*total=(\d+)/m);
  return found ? Number(found[1]) : null;
}

/**
 * Share of a window (percent) during which some task waited for CPU or for I/O, from the PSI totals: unlike the
 * 60 s averages of `contention`, it covers exactly the measurement. Call `stop()` at the end of the window.
 */
export function stallWindow(): { stop(): { cpuSomePercent: number | null; ioSomePercent: number | null } } {
  const t0 = performance.now();
  const cpu0 = stalledMicros('cpu');
  const io0 = stalledMicros('io');
  const share = (before: number | null, after: number | null, ms: number) => (before === null || after === null ? null : Math.round(((after - before) / 1000 / ms) * 1000) / 10);
  return {
    stop: () => {
      const ms = performance.now() - t0;
      return { cpuSomePercent: share(cpu0, stalledMicros('cpu'), ms), ioSomePercent: share(io0, stalledMicros('io'), ms) };
    },
  };
}
