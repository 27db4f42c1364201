import { spawnNodeScript, startServerProcess, type NodeProcess } from '../../test/helpers/process.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention } from '../lib/results.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { createBenchRoom, joinSessions, mixedAudiences } from '../cluster/sockets.js';
import { authorOf } from './cold-sync.js';
import type { PropagationConfig, PropagationResult } from './propagation-client.js';

export interface PropagationRun extends PropagationResult {
  target: 'orsan' | 'stock';
  serverCpuPercent: number;
  /** Server RSS before any client, once all are connected and synced, and after the recorded window. */
  serverRssIdleMiB: number;
  serverRssConnectedMiB: number;
  serverRssAfterMiB: number;
  /** (connected − idle) / clients, in KiB. */
  rssPerClientKiB: number;
  machine: ReturnType<typeof contention>;
}

interface Started {
  url: string;
  pid: number;
  roomId: string;
  writerToken: string;
  observerTokens: string[];
  author: PropagationConfig['author'];
  stop(): Promise<void>;
}

/** A fresh ORSAN server with an exercise room, a writing ARS player and up to 49 observing sessions. */
async function startOrsan(clients: number): Promise<Started> {
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
async function startStock(): Promise<Started> {
  const { proc, match } = await spawnNodeScript('bench/collab/stock-server.ts', /en service : (http:\/\/\S+)/, { cpu: serverCpu, raiseFileLimit: true });
  const author = { sessionId: 'bench-session-0123456789abcdef', author: 'Agent ARS 1', role: 'player' as const, cell: 'ars' };
  return { url: match[1]!, pid: proc.pid, roomId: 'banc-propagation', writerToken: 'stock', observerTokens: ['stock'], author, stop: () => stopProcess(proc) };
}

/** One run: N clients (one writer), 10 entries/s, 10 warm-up then `record` recorded entries. */
export async function measurePropagation(target: 'orsan' | 'stock', clients: number, record: number): Promise<PropagationRun> {
  const server = target === 'orsan' ? await startOrsan(clients) : await startStock();
  let load: NodeProcess | undefined;
  try {
    const serverRssIdleMiB = memoryMiB(server.pid).rss;
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
    };
    load = (await spawnNodeScript('bench/collab/propagation-client.ts', /CONNECTED/, { cpu: loadCpu, raiseFileLimit: true, readyTimeoutMs: 120_000, env: { BENCH_LOAD: JSON.stringify(config) } })).proc;
    const serverRssConnectedMiB = memoryMiB(server.pid).rss;
    await waitForOutput(load, /RECORD_START/, 30_000);
    const cpu = cpuWindow(server.pid);
    await waitForOutput(load, /RECORD_END/, 60_000);
    const serverCpuPercent = cpu.stop();
    const serverRssAfterMiB = memoryMiB(server.pid).rss;
    const result = JSON.parse((await waitForOutput(load, /RESULT (.*)/, 20_000))[1]!) as PropagationResult;
    return {
      target,
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
