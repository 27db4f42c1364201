import { describeMachine } from '../lib/machine.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { measureColdSync, type ColdSyncResult } from './cold-sync.js';
import { measurePropagation, type PropagationRun } from './propagation.js';

/** Issue 6: cold sync within 1.2× the stock server; entry propagation p99 within 1.5× at 50 and 200 clients. */
export const targets = { coldSyncRatio: 1.2, propagationP99Ratio: 1.5 } as const;

const entries = Number(process.env.BENCH_COLLAB_ENTRIES ?? 10_000);
const syncRepeats = Number(process.env.BENCH_COLLAB_SYNCS ?? 5);
const clientCounts = (process.env.BENCH_COLLAB_CLIENTS ?? '50,200').split(',').map(Number);
const propagationRepeats = Number(process.env.BENCH_COLLAB_REPEATS ?? 2);
const recordEntries = 100;

interface PropagationSummary {
  clients: number;
  stockP50: number;
  stockP99: number;
  orsanP50: number;
  orsanP99: number;
  ratio: number;
  complete: boolean;
  pass: boolean;
  /** Median server RSS growth per connected client, KiB. */
  orsanKiBPerClient: number;
  stockKiBPerClient: number;
}

function summarise(clients: number, runs: PropagationRun[]): PropagationSummary {
  const of = (target: string) => runs.filter((r) => r.target === target);
  const med = (target: string, pick: (r: PropagationRun) => number) => Math.round(median(of(target).map(pick)) * 100) / 100;
  const ratio = Math.round((med('orsan', (r) => r.latencyMs.p99) / med('stock', (r) => r.latencyMs.p99)) * 100) / 100;
  const complete = runs.every((r) => r.received === r.expected);
  return {
    clients,
    stockP50: med('stock', (r) => r.latencyMs.p50),
    stockP99: med('stock', (r) => r.latencyMs.p99),
    orsanP50: med('orsan', (r) => r.latencyMs.p50),
    orsanP99: med('orsan', (r) => r.latencyMs.p99),
    ratio,
    complete,
    pass: complete && ratio <= targets.propagationP99Ratio,
    orsanKiBPerClient: med('orsan', (r) => r.rssPerClientKiB),
    stockKiBPerClient: med('stock', (r) => r.rssPerClientKiB),
  };
}

/** The collab suite: cold sync of a 10,000-entry main courante, entry propagation, memory per participant. */
export async function runCollabBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  console.log(`Synchro à froid d’une main courante de ${entries} entrées (${syncRepeats} mesures)…`);
  const cold = await measureColdSync(entries, syncRepeats);
  console.log('Propagation d’une entrée (1 rédacteur, 10 entrées/s)…');
  const runs: PropagationRun[] = [];
  const sizes: PropagationSummary[] = [];
  for (const clients of clientCounts) {
    const atSize: PropagationRun[] = [];
    for (let i = 0; i < propagationRepeats; i++) {
      for (const target of ['stock', 'orsan'] as const) {
        const run = await measurePropagation(target, clients, recordEntries);
        atSize.push(run);
        console.log(`  ${String(clients).padStart(4)} ${target.padEnd(5)} p50 ${run.latencyMs.p50} p99 ${run.latencyMs.p99} ms  reçus ${run.received}/${run.expected}  CPU serveur ${run.serverCpuPercent} %  client ${run.clientCpuPercent} %  RSS ${run.serverRssIdleMiB} → ${run.serverRssConnectedMiB} → ${run.serverRssAfterMiB} Mio`);
      }
    }
    runs.push(...atSize);
    sizes.push(summarise(clients, atSize));
  }
  const slope = (target: string) => {
    const [small, large] = [clientCounts[0]!, clientCounts.at(-1)!];
    const rss = (n: number) => median(runs.filter((r) => r.target === target && r.clients === n).map((r) => r.serverRssConnectedMiB));
    return large === small ? null : Math.round(((rss(large) - rss(small)) * 1024) / (large - small));
  };
  const summary = {
    coldSync: { ...cold.medians, ratio: cold.ratio, pass: cold.ratio <= targets.coldSyncRatio },
    propagation: sizes,
    memory: { orsanKiBPerClientSlope: slope('orsan'), stockKiBPerClientSlope: slope('stock') },
  };
  const file = writeResults('collab', {
    suite: 'collab',
    startedAt,
    command: 'npm run bench -- collab',
    machine: describeMachine(),
    machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
    method: {
      pinning: `server (ORSAN or stock) on CPU ${serverCpu}, every client process on CPU ${loadCpu}`,
      baseline: '@y/websocket-server 0.1.1 setupWSConnection (bench/collab/stock-server.ts), in memory, no persistence',
      coldSync: `${entries} entries written through ORSAN's /yjs endpoint by a stock y-websocket client (batches of 1,000); ORSAN restarted (SIGTERM, document stored compacted) before each cold sync; the stock server preloaded with the resulting document; sync = new WebsocketProvider → 'sync' event, in a fresh process; ORSAN and stock alternate`,
      propagation: `fresh server and empty main courante per run; client 0 appends one entry (a plain JSON object in entries) every 100 ms, 10 warm-up then ${recordEntries} recorded; latency = push → observer's entries.length grows, same process; awareness left on (stock client default); ${propagationRepeats} alternating repeats`,
      memory: 'server RSS before any client vs once all clients are connected and synced (before the writes)',
    },
    targets,
    summary,
    coldSync: cold,
    propagation: runs,
  });
  console.log(`\n${markdownSummary(cold, sizes, summary.memory)}\nRésultats : ${file}`);
}

function markdownSummary(cold: ColdSyncResult, sizes: PropagationSummary[], memory: { orsanKiBPerClientSlope: number | null; stockKiBPerClientSlope: number | null }): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  return [
    `| Cold sync, ${cold.entries} entries (${mib(cold.fill.updateBytes)} MiB), median of ${cold.stockMs.length} | ms |`,
    '| --- | --- |',
    `| stock @y/websocket-server (in memory) | ${cold.medians.stock} |`,
    `| ORSAN, first client after a restart (loaded from SQLite) | ${cold.medians.orsanCold} |`,
    `| ORSAN, next client (in memory) | ${cold.medians.orsanWarm} |`,
    `| ratio cold / stock (target ≤ ${targets.coldSyncRatio}) | **${cold.ratio}** ${cold.ratio <= targets.coldSyncRatio ? '✅' : '❌'} |`,
    '',
    '| Clients | stock p50 / p99 ms | ORSAN p50 / p99 ms | p99 ratio | all delivered | RSS per client (KiB) stock / ORSAN |',
    '| --- | --- | --- | --- | --- | --- |',
    ...sizes.map((s) => `| ${s.clients} | ${s.stockP50} / ${s.stockP99} | ${s.orsanP50} / ${s.orsanP99} | **${s.ratio}** ${s.pass ? '✅' : '❌'} | ${s.complete ? 'oui' : '**non**'} | ${s.stockKiBPerClient} / ${s.orsanKiBPerClient} |`),
    '',
    `RSS slope between ${sizes[0]?.clients} and ${sizes.at(-1)?.clients} clients: stock ${memory.stockKiBPerClientSlope} KiB, ORSAN ${memory.orsanKiBPerClientSlope} KiB per client.`,
  ].join('\n');
}
