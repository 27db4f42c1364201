import { readFileSync, readdirSync } from 'node:fs';
import { spawnNodeScript, startServerProcess, type NodeProcess, type ServerProcess } from '../../tools/process.js';
import { OPERATOR_TOKEN } from '../../tools/api.js';
import { createTestSchema, requireRedis, TEST_REDIS_URL } from '../../tools/pg-env.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { cpuSeconds, cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention } from '../lib/results.js';
import type { CommandLoadConfig, CommandLoadResult } from './command-load.js';

/** Servers on CPU 0, the load process on CPU 1: they never compete for a core (the notes' method). */
export const serverCpu = 0;
export const loadCpu = 1;

/** A running target: one or several server processes. */
export interface Target {
  name: string;
  urls: string[];
  pids: number[];
  stop(): Promise<void>;
}

/** The bare socket.io baseline of the core suite (bench/core/bare-server.ts), pinned like the servers. */
export async function startBare(): Promise<Target> {
  const { proc, match } = await spawnNodeScript('bench/core/bare-server.ts', /en service : (http:\/\/\S+)/, { cpu: serverCpu, raiseFileLimit: true });
  return { name: 'bare', urls: [match[1]!], pids: [proc.pid], stop: () => stopProcess(proc) };
}

/** `count` ORSAN server processes with the same environment (one cluster when it names PostgreSQL and Redis). */
export async function startOrsan(name: string, count: number, env: Record<string, string> = {}): Promise<Target> {
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await startServerProcess({ cpu: serverCpu, raiseFileLimit: true, env, readyTimeoutMs: 60_000 }));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return { name, urls: servers.map((s) => s.url), pids: servers.map((s) => s.pid), stop: async () => void (await Promise.all(servers.map((s) => s.stop()))) };
}

/**
 * `count` ORSAN instances on a fresh PostgreSQL schema and Redis namespace (the schema's name): no run sees
 * another's rows or streams. `stop()` stops the instances, deletes the namespace's keys and drops the schema.
 */
export async function startOrsanCluster(name: string, count: number): Promise<Target> {
  const schema = await createTestSchema();
  let redis: Awaited<ReturnType<typeof requireRedis>> | undefined;
  try {
    redis = await requireRedis(schema.schema);
    const env = { STORE: 'postgres', DATABASE_URL: schema.url, REDIS_URL: TEST_REDIS_URL };
    const target = await startOrsan(name, count, env);
    const cleanup = redis.cleanup;
    return {
      ...target,
      async stop() {
        try {
          await target.stop();
        } finally {
          await cleanup();
          await schema.drop();
        }
      },
    };
  } catch (error) {
    await redis?.cleanup();
    await schema.drop();
    throw error;
  }
}

/**
 * CPU of PostgreSQL and Redis over a window (every process of those names, read from /proc), percent of one core.
 * Counted per pid: a process that started meanwhile counts from zero; one that ended meanwhile is lost (an underestimate).
 */
export function servicesCpuWindow(): { stop(): number } {
  const sample = () => {
    const byPid = new Map<string, number>();
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
        if (comm === 'postgres' || comm === 'redis-server') byPid.set(pid, cpuSeconds(Number(pid)));
      } catch {
        // the process ended between the listing and the read
      }
    }
    return byPid;
  };
  const cpu0 = sample();
  const t0 = performance.now();
  return {
    stop: () => {
      let used = 0;
      for (const [pid, seconds] of sample()) used += seconds - (cpu0.get(pid) ?? 0);
      return Math.round((used / ((performance.now() - t0) / 1000)) * 1000) / 10;
    },
  };
}

export interface CommandRun extends CommandLoadResult {
  target: string;
  /** CPU of each server process over the recorded window (percent of one core), and their sum. */
  serverCpuPercent: number[];
  serverCpuTotal: number;
  serverRssMiB: number[];
  /** PostgreSQL + Redis (cluster runs only; backends that ended during the window are not counted). */
  servicesCpuPercent: number | null;
  machine: ReturnType<typeof contention>;
}

export const defaultLoad: Omit<CommandLoadConfig, 'target' | 'urls' | 'clients'> = {
  operatorToken: OPERATOR_TOKEN,
  sessions: 50,
  sender: { role: 'director' },
  senders: 4,
  command: 'announce',
  finess: [],
  ratePerSecond: 20,
  warmupCommands: 20,
  recordCommands: 200,
  payloadBytes: 300,
  maxHandshakesInFlight: 50,
  drainTimeoutMs: 30_000,
};

/** One measurement against a started target: the load process connects, warms up, records, reports. */
export async function measureCommands(target: Target, clients: number, options: Partial<CommandLoadConfig> = {}, withServices = false): Promise<CommandRun> {
  const config: CommandLoadConfig = { ...defaultLoad, ...options, target: target.name === 'bare' ? 'bare' : 'orsan', urls: target.urls, clients };
  let load: NodeProcess | undefined;
  try {
    const started = await spawnNodeScript('bench/cluster/command-load.ts', /RECORD_START/, {
      cpu: loadCpu,
      raiseFileLimit: true,
      readyTimeoutMs: 180_000,
      env: { BENCH_LOAD: JSON.stringify(config) },
    });
    load = started.proc;
    const cpu = target.pids.map((pid) => cpuWindow(pid));
    const services = withServices ? servicesCpuWindow() : null;
    await waitForOutput(load, /RECORD_END/, config.drainTimeoutMs + 60_000);
    const serverCpuPercent = cpu.map((c) => c.stop());
    const servicesCpuPercent = services ? services.stop() : null;
    const serverRssMiB = target.pids.map((pid) => memoryMiB(pid).rss);
    const result = JSON.parse((await waitForOutput(load, /RESULT (.*)/, 20_000))[1]!) as CommandLoadResult;
    return {
      target: target.name,
      ...result,
      serverCpuPercent,
      serverCpuTotal: Math.round(serverCpuPercent.reduce((a, b) => a + b, 0) * 10) / 10,
      serverRssMiB,
      servicesCpuPercent,
      machine: contention(),
    };
  } finally {
    if (load) await stopProcess(load);
  }
}

/** One line of console progress for a run. */
export function describeRun(run: CommandRun): string {
  const { p50, p95, p99 } = run.latencyMs;
  const services = run.servicesCpuPercent === null ? '' : `  PG+Redis ${run.servicesCpuPercent} %`;
  return `${String(run.clients).padStart(5)} ${run.target.padEnd(12)} p50 ${p50} p95 ${p95} p99 ${p99} ms  reçus ${run.received}/${run.expected}  CPU serveur ${run.serverCpuPercent.join('+')} %${services}  client ${run.clientCpuPercent} %  RSS ${run.serverRssMiB.join('+')} Mio`;
}
