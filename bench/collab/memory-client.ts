import { stockClient, type StockClient } from '../../tools/yjs-clients.js';
import { sleep } from '../cluster/sockets.js';

/**
 * Load process of the memory step: opens main-courante connections in stages (e.g. 50, then up to 500), each
 * client synced, and after each stage prints `STAGE <total>` then holds still while the parent samples the
 * server's RSS. Nothing is written: what is measured is what connected participants cost the server.
 */
export interface MemoryConfig {
  url: string;
  roomId: string;
  tokens: string[];
  stages: number[];
  holdMs: number;
  maxConnectsInFlight: number;
}

const config = JSON.parse(process.env.BENCH_MEMORY ?? '{}') as MemoryConfig;

async function connect(clients: StockClient[], upTo: number): Promise<void> {
  let next = clients.length;
  const worker = async () => {
    while (next < upTo) {
      const i = next++;
      const client = stockClient(config.url, config.roomId, 'main-courante', config.tokens[i % config.tokens.length]!);
      clients.push(client);
      await client.whenSynced(30_000);
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.maxConnectsInFlight, upTo - next) }, worker));
}

async function main(): Promise<void> {
  const clients: StockClient[] = [];
  for (const stage of config.stages) {
    await connect(clients, stage);
    await sleep(1_000); // awareness of the burst settles before the parent samples
    console.log(`STAGE ${clients.length}`);
    await sleep(config.holdMs);
  }
  console.log('DONE');
  for (const client of clients) client.destroy();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
