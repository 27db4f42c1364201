import { entriesOf } from '../../shared/main-courante/doc.js';
import { entry, stockClient, type Author, type StockClient } from '../../tools/yjs-clients.js';
import { summarise, type LatencySummary } from '../lib/stats.js';
import { sleep } from '../cluster/sockets.js';

/**
 * Load process of the entry-propagation bench: client 0 writes main courante entries at a fixed rate, the
 * N − 1 others observe them; all stock y-websocket clients in ONE process, so write and receipt times share
 * one clock. An observer sees entry k when its `entries` array reaches length k + 1 (the array's length is
 * O(1); reading the update's changes would walk the whole array, see the notes).
 * Prints CONNECTED (every client synced, the parent reads the server's RSS), RECORD_START / RECORD_END, RESULT.
 */
export interface PropagationConfig {
  url: string;
  roomId: string;
  /** Client 0 is the writer; the others cycle over the observer tokens (the stock server ignores them). */
  writerToken: string;
  observerTokens: string[];
  author: Author;
  clients: number;
  ratePerSecond: number;
  warmupEntries: number;
  recordEntries: number;
  maxConnectsInFlight: number;
  /**
   * Stock clients announce themselves (awareness) on connect and renew every 15 s, each renewal relayed to all:
   * with every client connected in the same few seconds, the renewals come as one burst of N² messages.
   * Off: pure entry propagation. On: what a room of default clients really carries.
   */
  awareness: boolean;
}

export interface PropagationResult {
  clients: number;
  received: number;
  expected: number;
  latencyMs: LatencySummary;
  clientCpuPercent: number;
  connectMs: number;
}

const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as PropagationConfig;

/** Connects every client (bounded concurrency) and waits for each one's first sync. */
async function connectAll(): Promise<StockClient[]> {
  const clients = new Array<StockClient>(config.clients);
  let next = 0;
  const worker = async () => {
    while (next < config.clients) {
      const i = next++;
      const token = i === 0 ? config.writerToken : config.observerTokens[(i - 1) % config.observerTokens.length]!;
      clients[i] = stockClient(config.url, config.roomId, 'main-courante', token);
      // Before the socket opens, so that nothing is announced at all.
      if (!config.awareness) clients[i].provider.awareness.setLocalState(null);
      await clients[i].whenSynced(30_000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.maxConnectsInFlight, config.clients) }, worker));
  return clients;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const clients = await connectAll();
  const connectMs = Math.round(performance.now() - t0);
  await sleep(2_000); // awareness of the connection burst settles
  console.log('CONNECTED');
  await sleep(2_000); // the parent samples the server's RSS meanwhile

  const total = config.warmupEntries + config.recordEntries;
  const sentAt = new Float64Array(total);
  const observers = clients.slice(1);
  const samples = new Float64Array(observers.length * config.recordEntries);
  let received = 0;
  observers.forEach((client) => {
    const entries = entriesOf(client.doc);
    let next = 0;
    client.doc.on('update', () => {
      const now = performance.now();
      for (const length = entries.length; next < length && next < total; next++) {
        if (next >= config.warmupEntries) samples[received++] = now - sentAt[next]!;
      }
    });
  });
  const writer = entriesOf(clients[0]!.doc);
  const write = async (from: number, count: number) => {
    const start = performance.now();
    for (let k = from; k < from + count; k++) {
      const wait = start + ((k - from) * 1000) / config.ratePerSecond - performance.now();
      if (wait > 0) await sleep(wait);
      sentAt[k] = performance.now();
      writer.push([entry(config.author, `Entrée ${k + 1} : point de situation de la cellule, appel reçu du CH d’Évreux.`)]);
    }
  };
  await write(0, config.warmupEntries);
  await sleep(500);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  console.log('RECORD_START');
  await write(config.warmupEntries, config.recordEntries);
  const expected = observers.length * config.recordEntries;
  const deadline = performance.now() + 20_000;
  while (received < expected && performance.now() < deadline) await sleep(10);
  console.log('RECORD_END');
  const cpu = process.cpuUsage(cpu0);
  const result: PropagationResult = {
    clients: config.clients,
    received,
    expected,
    latencyMs: summarise(samples.subarray(0, received)),
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 1000) / 10,
    connectMs,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  for (const client of clients) client.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
