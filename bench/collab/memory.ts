import { spawnNodeScript, type NodeProcess } from '../../tools/process.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { loadCpu } from '../cluster/measure.js';
import type { MemoryConfig } from './memory-client.js';
import { rssFloor, startOrsan, startStock } from './propagation.js';

export interface MemoryRun {
  target: 'orsan' | 'stock';
  /** RSS floor (MiB) before any client, then after each stage (clients connected → MiB). */
  idleMiB: number;
  stages: Array<{ clients: number; rssMiB: number }>;
  /** (last stage − first stage) / (their client difference): the marginal cost of a participant, KiB. */
  kibPerClient: number;
}

/**
 * Server memory per connected participant: RSS floors (lowest of 15 samples over 1.5 s, see `rssFloor`) at
 * 0, `stages[0]` and `stages[1]` connected main-courante clients. The slope between the two stages leaves out
 * the document, the room and whatever the first connection loads once.
 */
export async function measureMemory(target: 'orsan' | 'stock', stages: [number, number]): Promise<MemoryRun> {
  const server = target === 'orsan' ? await startOrsan(stages[1]) : await startStock();
  let load: NodeProcess | undefined;
  try {
    const idleMiB = await rssFloor(server.pid, 1_500);
    const config: MemoryConfig = { url: server.url, roomId: server.roomId, tokens: server.observerTokens, stages, holdMs: 2_000, maxConnectsInFlight: 50 };
    load = (await spawnNodeScript('bench/collab/memory-client.ts', /STAGE \d+/, { cpu: loadCpu, raiseFileLimit: true, readyTimeoutMs: 60_000, env: { BENCH_MEMORY: JSON.stringify(config) } })).proc;
    const measured: MemoryRun['stages'] = [];
    for (const clients of stages) {
      await waitForOutput(load, new RegExp(`STAGE ${clients}\\b`), 90_000);
      measured.push({ clients, rssMiB: await rssFloor(server.pid, 1_500) });
    }
    await waitForOutput(load, /DONE/, 10_000);
    const [first, last] = [measured[0]!, measured.at(-1)!];
    return { target, idleMiB, stages: measured, kibPerClient: Math.round(((last.rssMiB - first.rssMiB) * 1024) / (last.clients - first.clients)) };
  } finally {
    if (load) await stopProcess(load);
    await server.stop();
  }
}
