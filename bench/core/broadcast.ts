import { OPERATOR_TOKEN } from '../../tools/api.js';
import { spawnNodeScript, startServerProcess, type NodeProcess } from '../../tools/process.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention } from '../lib/results.js';
import type { LoadConfig, LoadResult } from './load-client.js';

/** Server on core 0, load on core 1: the two never compete for a core. */
export const serverCpu = 0;
export const loadCpu = 1;

export interface BroadcastRun extends LoadResult {
  target: 'orsan' | 'bare';
  serverCpuPercent: number;
  serverRssMiB: number;
  serverPeakRssMiB: number;
  /** CPU and I/O pressure on the whole machine right after the run (see lib/results.ts). */
  machine: ReturnType<typeof contention>;
}

/** Starts the target server pinned to its core; returns its pid, URL and how to stop it. */
async function startTarget(target: 'orsan' | 'bare'): Promise<{ pid: number; url: string; stop(): Promise<void> }> {
  if (target === 'orsan') {
    const srv = await startServerProcess({ cpu: serverCpu, raiseFileLimit: true });
    return { pid: srv.pid, url: srv.url, stop: () => srv.stop() };
  }
  const { proc, match } = await spawnNodeScript('bench/core/bare-server.ts', /en service : (http:\/\/\S+)/, { cpu: serverCpu, raiseFileLimit: true });
  return { pid: proc.pid, url: match[1]!, stop: () => stopProcess(proc) };
}

/**
 * One measurement: a fresh server, N receivers connected, a warm-up, then `recordCommands` commands sent
 * at a fixed rate; every delivery is timed from the send, in the load process.
 */
export async function measureBroadcast(target: 'orsan' | 'bare', clients: number, options: Partial<LoadConfig> = {}): Promise<BroadcastRun> {
  const server = await startTarget(target);
  let load: NodeProcess | undefined;
  try {
    const config: LoadConfig = {
      target,
      url: server.url,
      operatorToken: OPERATOR_TOKEN,
      clients,
      sessions: Math.min(clients, 50),
      senders: 4,
      ratePerSecond: 20,
      warmupCommands: 20,
      recordCommands: 200,
      payloadBytes: 300,
      maxHandshakesInFlight: 50,
      ...options,
    };
    const started = await spawnNodeScript('bench/core/load-client.ts', /RECORD_START/, {
      cpu: loadCpu,
      raiseFileLimit: true,
      readyTimeoutMs: 90_000,
      env: { BENCH_LOAD: JSON.stringify(config) },
    });
    load = started.proc;
    const cpu = cpuWindow(server.pid);
    await waitForOutput(load, /RECORD_END/, 60_000);
    const serverCpuPercent = cpu.stop();
    const memory = memoryMiB(server.pid);
    const result = JSON.parse((await waitForOutput(load, /RESULT (.*)/, 10_000))[1]!) as LoadResult;
    return { target, ...result, serverCpuPercent, serverRssMiB: memory.rss, serverPeakRssMiB: memory.peak, machine: contention() };
  } finally {
    if (load) await stopProcess(load);
    await server.stop();
  }
}
