import { entriesOf } from '../../shared/main-courante/doc.js';
import { stockClient } from '../../tools/yjs-clients.js';

/**
 * One new client's first sync of the main courante: from creating the stock y-websocket provider (connection
 * included) to `synced` (the server's answer applied), in a fresh process so that each sync starts as cold
 * on the client side as the first one. Checks the entry count.
 */
export interface SyncConfig {
  url: string;
  roomId: string;
  /** Absent for the stock server, which takes anyone. */
  token: string;
  expectedEntries: number;
}

export interface SyncResult {
  syncMs: number;
  entries: number;
}

const config = JSON.parse(process.env.BENCH_SYNC ?? '{}') as SyncConfig;

async function main(): Promise<void> {
  const t0 = performance.now();
  const client = stockClient(config.url, config.roomId, 'main-courante', config.token);
  // The provider's own event, not a poll: the time is taken right after the server's answer is applied.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no sync within 60 s')), 60_000);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const syncMs = Math.round((performance.now() - t0) * 10) / 10;
  const entries = entriesOf(client.doc).length;
  if (entries !== config.expectedEntries) throw new Error(`synced ${entries} entries, expected ${config.expectedEntries}`);
  const result: SyncResult = { syncMs, entries };
  console.log(`RESULT ${JSON.stringify(result)}`);
  client.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
