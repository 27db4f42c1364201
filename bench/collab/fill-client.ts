import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { entriesOf, receiptsOf } from '../../shared/main-courante/doc.js';
import { entry, stockClient, waitFor, type Author, type StockClient } from '../../tools/yjs-clients.js';

/**
 * Builds the large main courante through the real endpoint: stock y-websocket clients, writing as ARS players,
 * push `entries` entries in batches of `batch` (one Yjs transaction each: pushing one by one costs far more,
 * see the notes) and wait for the server's receipt of every entry before the next batch. A batch is at most
 * `limits.maxRecordsPerYjsUpdate`, and each batch is written by the next session of `writers`: one session may
 * only write that many records at once (then about one a second).
 * Writes the resulting document (Yjs update) to `stateFile`, the state the stock server will hold in memory.
 */
export interface FillConfig {
  url: string;
  roomId: string;
  /** One per batch (`ceil(entries / batch)`). */
  writers: Array<{ token: string; author: Author }>;
  entries: number;
  batch: number;
  stateFile: string;
}

export interface FillResult {
  entries: number;
  receipts: number;
  updateBytes: number;
  v2Bytes: number;
  fillMs: number;
  batchMs: number[];
}

const config = JSON.parse(process.env.BENCH_FILL ?? '{}') as FillConfig;
const kinds = ['information', 'decision', 'action', 'demande', 'point_situation'] as const;

async function main(): Promise<void> {
  let client: StockClient | null = null;
  const t0 = performance.now();
  const batchMs: number[] = [];
  for (let done = 0, k = 0; done < config.entries; done += config.batch, k++) {
    const start = performance.now();
    const writer = config.writers[k % config.writers.length]!;
    client?.destroy();
    client = stockClient(config.url, config.roomId, 'main-courante', writer.token);
    await client.whenSynced(60_000);
    const receipts = receiptsOf(client.doc);
    const size = Math.min(config.batch, config.entries - done);
    const batch = Array.from({ length: size }, (_, i) => {
      const n = done + i + 1;
      return entry(writer.author, `Entrée ${n} : appel du CH d’Évreux, ${n % 7} patients réorientés, point à refaire dans 30 minutes.`, { type: kinds[n % kinds.length]! });
    });
    entriesOf(client.doc).push(batch);
    await waitFor(() => receipts.size >= done + size, 120_000, `receipts of batch ${k + 1}`);
    batchMs.push(Math.round(performance.now() - start));
  }
  if (!client) throw new Error('nothing to write');
  const fillMs = Math.round(performance.now() - t0);
  const update = Y.encodeStateAsUpdate(client.doc);
  writeFileSync(config.stateFile, update);
  const result: FillResult = {
    entries: entriesOf(client.doc).length,
    receipts: receiptsOf(client.doc).size,
    updateBytes: update.byteLength,
    v2Bytes: Y.encodeStateAsUpdateV2(client.doc).byteLength,
    fillMs,
    batchMs,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  client.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
