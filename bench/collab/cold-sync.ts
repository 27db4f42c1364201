import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { limits } from '../../shared/core/limits.js';
import { spawnNodeScript, startServerProcess, type NodeProcess } from '../../tools/process.js';
import { callApi } from '../../tools/api.js';
import type { Author } from '../../tools/yjs-clients.js';
import { stopProcess } from '../lib/child.js';
import { memoryMiB } from '../lib/proc.js';
import { contention } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { createBenchRoom, joinSessions } from '../cluster/sockets.js';
import type { FillConfig, FillResult } from './fill-client.js';
import type { SyncConfig, SyncResult } from './sync-client.js';

/** The identity entries must carry: the session behind `token`, as the server reports it. */
export async function authorOf(url: string, token: string): Promise<Author> {
  const session = await callApi(url, 'GET', '/api/session', undefined, token);
  if (session.status !== 200) throw new Error(`session lookup failed: ${JSON.stringify(session.body)}`);
  return { sessionId: session.body.sessionId, author: session.body.name, role: session.body.role, cell: session.body.cell };
}

/** Runs a client script to its RESULT line (pinned to the load core) and parses it. */
export async function runClient<T>(script: string, envName: string, config: unknown, timeoutMs: number): Promise<T> {
  const { proc, match } = await spawnNodeScript(script, /RESULT (.*)/, { cpu: loadCpu, readyTimeoutMs: timeoutMs, env: { [envName]: JSON.stringify(config) } });
  await proc.exited();
  return JSON.parse(match[1]!) as T;
}

export interface ColdSyncResult {
  entries: number;
  fill: FillResult;
  /** ORSAN, each after a restart: the first client makes the server load the document from SQLite. */
  orsanColdMs: number[];
  /** ORSAN, a second client right after (document in memory). */
  orsanWarmMs: number[];
  /** The stock server, holding the same document in memory since its start. */
  stockMs: number[];
  orsanRssAfterSyncMiB: number[];
  stockRssMiB: number;
  medians: { orsanCold: number; orsanWarm: number; stock: number };
  ratio: number;
  machine: ReturnType<typeof contention>;
}

/**
 * Cold sync of a large main courante: written through ORSAN's endpoint, then ORSAN restarted before each
 * measurement (gracefully: the document is stored compacted, as after any restart), against the stock server
 * preloaded with the same document. ORSAN and stock measurements alternate.
 */
export async function measureColdSync(entries: number, repeats: number): Promise<ColdSyncResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orsan-bench-collab-'));
  const stateFile = join(dataDir, 'main-courante.yjs');
  const srv = await startServerProcess({ cpu: serverCpu, raiseFileLimit: true, dataDir, readyTimeoutMs: 60_000 });
  let stock: NodeProcess | undefined;
  try {
    const room = await createBenchRoom(srv.url, srv.operatorToken, { mode: 'exercise', title: 'Banc de mesure — main courante' });
    // One writing session per batch: a session may write `maxRecordsPerYjsUpdate` records at once, then about one a second.
    const batch = limits.maxRecordsPerYjsUpdate;
    const writerTokens = await joinSessions(room, [{ role: 'player', cell: 'ars' }], Math.ceil(entries / batch), 'Agent ARS');
    const [readerToken] = await joinSessions(room, [{ role: 'player', cell: 'prefecture' }], 1, 'Agent Préfecture');
    const writers = await Promise.all(writerTokens.map(async (token) => ({ token, author: await authorOf(srv.url, token) })));
    const fillConfig: FillConfig = { url: srv.url, roomId: room.roomId, writers, entries, batch, stateFile };
    const fill = await runClient<FillResult>('bench/collab/fill-client.ts', 'BENCH_FILL', fillConfig, 600_000);
    console.log(`  ${fill.entries} entrées écrites en ${fill.fillMs} ms (${(fill.updateBytes / 2 ** 20).toFixed(2)} Mio, V2 ${(fill.v2Bytes / 2 ** 20).toFixed(2)} Mio)`);
    await srv.stop();

    const started = await spawnNodeScript('bench/collab/stock-server.ts', /en service : (http:\/\/\S+)/, {
      cpu: serverCpu,
      raiseFileLimit: true,
      readyTimeoutMs: 60_000,
      env: { BENCH_PRELOAD_FILE: stateFile, BENCH_PRELOAD_DOC: `yjs/${room.roomId}/main-courante` },
    });
    stock = started.proc;
    const stockUrl = started.match[1]!;
    const sync = (url: string, token: string) =>
      runClient<SyncResult>('bench/collab/sync-client.ts', 'BENCH_SYNC', { url, roomId: room.roomId, token, expectedEntries: entries } satisfies SyncConfig, 90_000);

    const result = { orsanColdMs: [] as number[], orsanWarmMs: [] as number[], stockMs: [] as number[], orsanRssAfterSyncMiB: [] as number[] };
    for (let i = 0; i < repeats; i++) {
      await srv.restart();
      result.orsanColdMs.push((await sync(srv.url, readerToken!)).syncMs);
      result.orsanWarmMs.push((await sync(srv.url, readerToken!)).syncMs);
      result.orsanRssAfterSyncMiB.push(memoryMiB(srv.pid).rss);
      await srv.stop();
      result.stockMs.push((await sync(stockUrl, 'stock')).syncMs);
      console.log(`  synchro ORSAN froide ${result.orsanColdMs.at(-1)} ms, tiède ${result.orsanWarmMs.at(-1)} ms ; stock ${result.stockMs.at(-1)} ms`);
    }
    const medians = { orsanCold: median(result.orsanColdMs), orsanWarm: median(result.orsanWarmMs), stock: median(result.stockMs) };
    return {
      entries,
      fill,
      ...result,
      stockRssMiB: memoryMiB(stock.pid).rss,
      medians,
      ratio: Math.round((medians.orsanCold / medians.stock) * 100) / 100,
      machine: contention(),
    };
  } finally {
    if (stock) await stopProcess(stock);
    await srv.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
