import { writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { entriesOf, receiptsOf } from '../../shared/main-courante/doc.js';
import { entry, stockClient, waitFor, type Author } from '../../test/collab/yjs-clients.js';

/**
 * Builds the large main courante through the real endpoint: a stock y-websocket client, writing as an ARS
 * player, pushes `entries` entries in batches of `batch` (one Yjs transaction each: pushing one by one costs
 * far more, see the notes) and waits for the server's receipt of every entry before the next batch.
 * Writes the resulting document (Yjs update) to `stateFile`, the state the stock server will hold in memory.
 */
export interface FillConfig {
  url: string;
  roomId: string;
  token: string;
  author: Author;
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
  const client = stockClient(config.url, config.roomId, 'main-courante', config.token);
  await client.whenSynced(30_000);
  const entries = entriesOf(client.doc);
  const receipts = receiptsOf(client.doc);
  const t0 = performance.now();
  const batchMs: number[] = [];
  for (let done = 0; done < config.entries; done += config.batch) {
    const start = performance.now();
    const size = Math.min(config.batch, config.entries - done);
    const batch = Array.from({ length: size }, (_, i) => {
      const n = done + i + 1;
      return entry(config.author, `Entrée ${n} : appel du CH d’Évreux, ${n % 7} patients réorientés, point à refaire dans 30 minutes.`, { type: kinds[n % kinds.length]! });
    });
    entries.push(batch);
    await waitFor(() => receipts.size >= done + size, 120_000, `receipts of batch ${done / config.batch + 1}`);
    batchMs.push(Math.round(performance.now() - start));
  }
  const fillMs = Math.round(performance.now() - t0);
  const update = Y.encodeStateAsUpdate(client.doc);
  writeFileSync(config.stateFile, update);
  const result: FillResult = { entries: entries.length, receipts: receipts.size, updateBytes: update.byteLength, v2Bytes: Y.encodeStateAsUpdateV2(client.doc).byteLength, fillMs, batchMs };
  console.log(`RESULT ${JSON.stringify(result)}`);
  client.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
