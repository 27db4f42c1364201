import { readFileSync } from 'node:fs';
import { spawnNodeScript, startServerProcess, type NodeProcess } from '../../tools/process.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention } from '../lib/results.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { createBenchRoom, joinSessions, mixedAudiences } from '../cluster/sockets.js';
import { authorOf } from './cold-sync.js';
import type { PropagationConfig, PropagationResult } from './propagation-client.js';

/** Resident memory in KiB (VmRSS): finer than `memoryMiB`, for growths of a few KiB per connection. */
function rssKiB(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1] ?? Number.NaN);
}

/**
 * The lowest RSS over `ms` (sampled every 100 ms), in MiB to 0.01: V8's heap grows and shrinks with garbage
 * collections, and the floor is what the connections themselves hold, not the garbage of the last burst.
 */
export async function rssFloor(pid: number, ms: number): Promise<number> {
  let floor = Number.POSITIVE_INFINITY;
  for (const end = performance.now() + ms; performance.now() < end; await new Promise((r) => setTimeout(r, 100))) floor = Math.min(floor, rssKiB(pid));
  return Math.round((floor / 1024) * 100) / 100;
}

export interface PropagationRun extends PropagationResult {
  target: 'orsan' | 'stock';
  awareness: boolean;
  serverCpuPercent: number;
  /** Server RSS (floor over 1.5 s) before any client and once all are connected and synced; RSS after the recorded window. */
  serverRssIdleMiB: number;
  serverRssConnectedMiB: number;
  serverRssAfterMiB: number;
  /** (connected − idle) / clients, in KiB. */
  rssPerClientKiB: number;
  machine: ReturnType<typeof contention>;
}

export interface Started {
  url: string;
  pid: number;
  roomId: string;
  writerToken: string;
  observerTokens: string[];
  author: PropagationConfig['author'];
  stop(): Promise<void>;
}

/** A fresh ORSAN server with an exercise room, a writing ARS player and up to 49 observing sessions. */
export async function startOrsan(clients: number): Promise<Started> {
  const srv = await startServerProcess({ cpu: serverCpu, raiseFileLimit: true });
  try {
    const room = await createBenchRoom(srv.url, srv.operatorToken, { mode: 'exercise', title: 'Banc de mesure — propagation' });
    const [writerToken] = await joinSessions(room, [{ role: 'player', cell: 'ars' }], 1, 'Agent ARS');
    const observerTokens = await joinSessions(room, mixedAudiences, Math.min(clients - 1, 49), 'Observateur');
    const author = await authorOf(srv.url, writerToken!);
    return { url: srv.url, pid: srv.pid, roomId: room.roomId, writerToken: writerToken!, observerTokens, author, stop: () => srv.stop() };
  } catch (error) {
    await srv.stop();
    throw error;
  }
}

/** A fresh stock server; the entries carry an author of the same shape and size as ORSAN's. */
export async function startStock(): Promise<Started> {
  const { proc, match } = await spawnNodeScript('bench/collab/stock-server.ts', /en service : (http:\/\/\S+)/, { cpu: serverCpu, raiseFileLimit: true });
  const author = { sessionId: 'bench-session-0123456789abcdef', author: 'Agent ARS 1', role: 'player' as const, cell: 'ars' };
  return { url: match[1]!, pid: proc.pid, roomId: 'banc-propagation', writerToken: 'stock', observerTokens: ['stock'], author, stop: () => stopProcess(proc) };
}

/** One run: N clients (one writer), 10 entries/s, 10 warm-up then `record` recorded entries. */
export async function measurePropagation(target: 'orsan' | 'stock', clients: number, record: number, awareness: boolean): Promise<PropagationRun> {
  const server = target === 'orsan' ? await startOrsan(clients) : await startStock();
  let load: NodeProcess | undefined;
  try {
    const serverRssIdleMiB = await rssFloor(server.pid, 1_500);
    const config: PropagationConfig = {
      url: server.url,
      roomId: server.roomId,
      writerToken: server.writerToken,
      observerTokens: server.observerTokens,
      author: server.author,
      clients,
      ratePerSecond: 10,
      warmupEntries: 10,
      recordEntries: record,
      maxConnectsInFlight: 50,
      awareness,
    };
    load = (await spawnNodeScript('bench/collab/propagation-client.ts', /CONNECTED/, { cpu: loadCpu, raiseFileLimit: true, readyTimeoutMs: 120_000, env: { BENCH_LOAD: JSON.stringify(config) } }))
      .proc;
    const serverRssConnectedMiB = await rssFloor(server.pid, 1_500);
    await waitForOutput(load, /RECORD_START/, 30_000);
    const cpu = cpuWindow(server.pid);
    await waitForOutput(load, /RECORD_END/, 90_000);
    const serverCpuPercent = cpu.stop();
    const serverRssAfterMiB = memoryMiB(server.pid).rss;
    const result = JSON.parse((await waitForOutput(load, /RESULT (.*)/, 20_000))[1]!) as PropagationResult;
    return {
      target,
      awareness,
      ...result,
      serverCpuPercent,
      serverRssIdleMiB,
      serverRssConnectedMiB,
      serverRssAfterMiB,
      rssPerClientKiB: Math.round(((serverRssConnectedMiB - serverRssIdleMiB) * 1024) / clients),
      machine: contention(),
    };
  } finally {
    if (load) await stopProcess(load);
    await server.stop();
  }
}
