import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNodeScript, type NodeProcess } from '../../tools/process.js';
import { stopProcess } from './child.js';
import { cpuWindow } from './proc.js';

/**
 * `BENCH_DISK_PRESSURE`: the machine condition a bench runs under.
 * - unset, empty or `none`: a quiet machine (whatever else runs on it is only recorded);
 * - `bursty`: another process writes 16 MiB bursts to the file system of the server's data folder and fsyncs them;
 * - `bursty+cpu`: the same, plus ≈ 50 % CPU load on each core (one pinned duty-cycle loop per core).
 */
export const pressureKinds = ['none', 'bursty', 'bursty+cpu'] as const;
export type PressureKind = (typeof pressureKinds)[number];

export function pressureFromEnv(value = process.env.BENCH_DISK_PRESSURE): PressureKind {
  const asked = (value ?? '').trim();
  if (asked === '') return 'none';
  const kind = pressureKinds.find((k) => k === asked);
  if (kind) return kind;
  throw new Error(`BENCH_DISK_PRESSURE=${asked} inconnu. Valeurs acceptées : ${pressureKinds.join(', ')} (ou vide : machine calme).`);
}

/** What the pressure processes did while they ran (their own figures, and their CPU measured from /proc). */
export interface PressureReport {
  kind: PressureKind;
  /** Where the 16 MiB file was written: the folder the server's temp data folders are made in. */
  fileSystemOf: string;
  seconds: number;
  disk: (Record<string, unknown> & { measuredPercent: number }) | null;
  cpu: Array<Record<string, unknown> & { cpu: number; measuredPercent: number }>;
}

export interface Pressure {
  kind: PressureKind;
  stop(): Promise<PressureReport>;
}

/** Stats a pressure process printed on its way out. */
function statsOf(proc: NodeProcess): Record<string, unknown> {
  const found = proc.output().match(/PRESSURE_STATS (.*)/);
  if (!found) throw new Error(`the pressure process printed no stats:\n${proc.output().slice(-2000)}`);
  return JSON.parse(found[1]!) as Record<string, unknown>;
}

/**
 * Starts the pressure of `kind` in separate processes (none for `none`) and resolves once it works. `stop()` ends
 * them and removes their folder; so does this process's exit, and each pressure process stops by itself if this
 * process disappears: no orphan process, no 16 MiB file left behind.
 *
 * @example
 * const pressure = await startPressure(pressureFromEnv());
 * try { … measure … } finally { report = await pressure.stop(); }
 */
export async function startPressure(kind: PressureKind, cores: number[] = [0, 1]): Promise<Pressure> {
  const started = performance.now();
  const base = tmpdir();
  const dir = kind === 'none' ? null : mkdtempSync(join(base, 'orsan-bench-pressure-'));
  const procs: NodeProcess[] = [];
  const killOnExit = () => {
    for (const proc of procs) proc.child.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);
  const env = (mode: string) => ({ BENCH_PRESSURE_MODE: mode, BENCH_PRESSURE_DIR: dir ?? '', BENCH_PRESSURE_PARENT: String(process.pid) });
  const cpuProcs: Array<{ proc: NodeProcess; cpu: number; window: ReturnType<typeof cpuWindow> }> = [];
  let disk: { proc: NodeProcess; window: ReturnType<typeof cpuWindow> } | null = null;
  try {
    if (kind !== 'none') {
      const { proc } = await spawnNodeScript('bench/lib/pressure-process.ts', /PRESSURE_READY/, { env: env('disk') });
      procs.push(proc);
      disk = { proc, window: cpuWindow(proc.pid) };
    }
    if (kind === 'bursty+cpu') {
      for (const cpu of cores) {
        const { proc } = await spawnNodeScript('bench/lib/pressure-process.ts', /PRESSURE_READY/, { cpu, env: env('cpu') });
        procs.push(proc);
        cpuProcs.push({ proc, cpu, window: cpuWindow(proc.pid) });
      }
    }
  } catch (error) {
    killOnExit();
    process.off('exit', killOnExit);
    throw error;
  }

  return {
    kind,
    async stop() {
      const measured = cpuProcs.map(({ window }) => window.stop());
      const diskPercent = disk?.window.stop() ?? 0;
      await Promise.all(procs.map((proc) => stopProcess(proc)));
      process.off('exit', killOnExit);
      if (dir) rmSync(dir, { recursive: true, force: true });
      return {
        kind,
        fileSystemOf: base,
        seconds: Math.round((performance.now() - started) / 100) / 10,
        disk: disk ? { measuredPercent: diskPercent, ...statsOf(disk.proc) } : null,
        cpu: cpuProcs.map(({ proc, cpu }, i) => ({ cpu, measuredPercent: measured[i]!, ...statsOf(proc) })),
      };
    },
  };
}
