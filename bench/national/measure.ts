import { randomBytes } from 'node:crypto';
import { OPERATOR_TOKEN } from '../../tools/api.js';
import { requireRedis, TEST_REDIS_URL } from '../../tools/pg-env.js';
import { spawnNodeScript, type NodeProcess } from '../../tools/process.js';
import { loadCpu, serverCpu, servicesCpuWindow, startOrsanCluster, type Target } from '../cluster/measure.js';
import { sleep } from '../cluster/sockets.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { cpuWindow, rssFloorKiB } from '../lib/proc.js';
import { contention, stallWindow } from '../lib/results.js';
import type { LoadResult, NationalLoadConfig } from './protocol.js';

export type TargetKind = 'bare' | 'orsan';

/** The shape of a run: the config every load process gets, minus what differs between them. */
export type NationalShape = Omit<NationalLoadConfig, 'target' | 'urls' | 'rooms' | 'runId' | 'operatorToken'> & { loadProcesses: number };

export interface NationalRun {
  target: TargetKind;
  loads: LoadResult[];
  /** Per instance (A, B): CPU over the recorded window (percent of one core). */
  serverCpuPercent: number[];
  /** Per instance, RSS floors in KiB: idle (no room), rooms created with their Yjs documents open, participants connected, after the traffic. */
  rssKiB: { idle: number[]; rooms: number[]; connected: number[]; loaded: number[] };
  /** PostgreSQL + Redis, every process of those names (the bare baseline uses Redis only). */
  servicesCpuPercent: number;
  recordedSeconds: number;
  stall: ReturnType<ReturnType<typeof stallWindow>['stop']>;
  machine: ReturnType<typeof contention>;
}

/** Two bare socket.io instances sharing one Redis stream (a fresh namespace, deleted by `stop()`). */
async function startBarePair(): Promise<Target> {
  const namespace = `bench_national_bare_${randomBytes(4).toString('hex')}`;
  const redis = await requireRedis(namespace);
  const procs: NodeProcess[] = [];
  const urls: string[] = [];
  const stop = async () => {
    try {
      await Promise.all(procs.map((proc) => stopProcess(proc)));
    } finally {
      await redis.cleanup();
    }
  };
  try {
    for (let i = 0; i < 2; i++) {
      const env = { BENCH_REDIS_URL: TEST_REDIS_URL, BENCH_REDIS_PREFIX: `orsan:${namespace}` };
      const { proc, match } = await spawnNodeScript('bench/national/bare-server.ts', /en service : (http:\/\/\S+)/, { cpu: serverCpu, raiseFileLimit: true, env });
      procs.push(proc);
      urls.push(match[1]!);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: 'bare', urls, pids: procs.map((p) => p.pid), stop };
}

export const startPair = (kind: TargetKind): Promise<Target> => (kind === 'bare' ? startBarePair() : startOrsanCluster('orsan', 2));

/** Rooms dealt round-robin to `processes` load processes; none gets an empty list. */
export function dealRooms(rooms: number, processes: number): number[][] {
  const count = Math.max(1, Math.min(processes, rooms));
  return Array.from({ length: count }, (_, p) => Array.from({ length: rooms }, (_, r) => r).filter((r) => r % count === p));
}

/**
 * One measurement: the two instances (their idle memory), the load processes, which create their rooms and open
 * the rooms' Yjs documents (memory with the rooms), then each in turn connects its participants in waves
 * (memory connected), then one signal starts the traffic everywhere; CPU is read over the recorded window of all
 * of them, and memory once more at its end with every participant still connected.
 */
export async function measureNational(kind: TargetKind, shape: NationalShape): Promise<NationalRun> {
  const target = await startPair(kind);
  const loads: NodeProcess[] = [];
  const stopAll = async () => {
    await Promise.all(loads.map((load) => stopProcess(load)));
    await target.stop();
  };
  running.add(stopAll);
  try {
    // V8 keeps shrinking the startup heap for a few seconds: the idle floor is read once that has settled.
    await sleep(5_000);
    const floors = () => Promise.all(target.pids.map((pid) => rssFloorKiB(pid, 30)));
    const idle = await floors();
    const runId = `n${randomBytes(3).toString('hex')}`;
    const { loadProcesses, ...rest } = shape;
    for (const rooms of dealRooms(shape.totalRooms, loadProcesses)) {
      const config: NationalLoadConfig = { ...rest, target: kind, urls: target.urls, rooms, runId, operatorToken: OPERATOR_TOKEN };
      const { proc } = await spawnNodeScript('bench/national/load.ts', /ROOMS_READY/, {
        cpu: loadCpu,
        raiseFileLimit: true,
        readyTimeoutMs: 300_000,
        env: { BENCH_LOAD: JSON.stringify(config) },
      });
      loads.push(proc);
    }
    await sleep(2_000);
    const roomsReady = await floors();
    // One load process at a time connects its rooms, wave after wave: handshakes never pile up across processes.
    for (const [i, load] of loads.entries()) {
      load.child.kill('SIGUSR2');
      const connected = await waitForOutput(load, /CONNECTED (.*)/, 600_000);
      console.log(`    ${kind}: load process ${i + 1}/${loads.length}: ${connected[1]}`);
    }
    await sleep(2_000);
    const connected = await floors();
    for (const load of loads) load.child.kill('SIGUSR2');
    const timeout = (shape.warmupSeconds + 30) * 1000;
    await Promise.all(loads.map((load) => waitForOutput(load, /RECORD_START/, timeout)));
    const cpu = target.pids.map((pid) => cpuWindow(pid));
    const services = servicesCpuWindow();
    const stall = stallWindow();
    const t0 = performance.now();
    await Promise.all(loads.map((load) => waitForOutput(load, /RECORD_END/, (shape.recordSeconds + 60) * 1000 + shape.drainTimeoutMs)));
    const serverCpuPercent = cpu.map((c) => c.stop());
    const servicesCpuPercent = services.stop();
    const recordedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    const stalled = stall.stop();
    const results = await Promise.all(loads.map(async (load) => JSON.parse((await waitForOutput(load, /RESULT (.*)/, 20_000))[1]!) as LoadResult));
    const loaded = await floors();
    return { target: kind, loads: results, serverCpuPercent, rssKiB: { idle, rooms: roomsReady, connected, loaded }, servicesCpuPercent, recordedSeconds, stall: stalled, machine: contention() };
  } finally {
    running.delete(stopAll);
    await stopAll();
  }
}

const running = new Set<() => Promise<void>>();

/**
 * Until the returned function is called, SIGINT or SIGTERM stops what is running (load processes, servers) and
 * removes the schema and the Redis keys before exiting: an interrupted run leaves nothing behind.
 */
export function cleanUpOnSignal(): () => void {
  const onSignal = () => void Promise.allSettled([...running].map((stop) => stop())).finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
