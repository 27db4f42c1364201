import { describeMachine } from '../lib/machine.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { measureColdSync, type ColdSyncResult } from './cold-sync.js';
import { measureMemory, type MemoryRun } from './memory.js';
import { measurePropagation, type PropagationRun } from './propagation.js';

/** Issue 6: cold sync within 1.2× the stock server; entry propagation p99 within 1.5× at 50 and 200 clients. */
export const targets = { coldSyncRatio: 1.2, propagationP99Ratio: 1.5 } as const;

const entries = Number(process.env.BENCH_COLLAB_ENTRIES ?? 10_000);
const syncRepeats = Number(process.env.BENCH_COLLAB_SYNCS ?? 5);
const clientCounts = (process.env.BENCH_COLLAB_CLIENTS ?? '50,200').split(',').map(Number);
const propagationRepeats = Number(process.env.BENCH_COLLAB_REPEATS ?? 2);
const recordEntries = 100;
const awarenessRecordEntries = 150;
const memoryStages = (process.env.BENCH_COLLAB_MEMORY ?? '50,500').split(',').map(Number) as [number, number];

interface PropagationSummary {
  clients: number;
  awareness: boolean;
  stockP50: number;
  stockP99: number;
  orsanP50: number;
  orsanP99: number;
  ratio: number;
  complete: boolean;
  pass: boolean;
}

function summarise(clients: number, runs: PropagationRun[], awareness: boolean): PropagationSummary {
  const of = (target: string) => runs.filter((r) => r.target === target);
  const med = (target: string, pick: (r: PropagationRun) => number) => Math.round(median(of(target).map(pick)) * 100) / 100;
  const ratio = Math.round((med('orsan', (r) => r.latencyMs.p99) / med('stock', (r) => r.latencyMs.p99)) * 100) / 100;
  const complete = runs.every((r) => r.received === r.expected);
  return {
    clients,
    awareness,
    stockP50: med('stock', (r) => r.latencyMs.p50),
    stockP99: med('stock', (r) => r.latencyMs.p99),
    orsanP50: med('orsan', (r) => r.latencyMs.p50),
    orsanP99: med('orsan', (r) => r.latencyMs.p99),
    ratio,
    complete,
    pass: complete && ratio <= targets.propagationP99Ratio,
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
  const series = async (clients: number, count: number, record: number, awareness: boolean) => {
    const atSize: PropagationRun[] = [];
    for (let i = 0; i < count; i++) {
      for (const target of ['stock', 'orsan'] as const) {
        const run = await measurePropagation(target, clients, record, awareness);
        atSize.push(run);
        console.log(
          `  ${String(clients).padStart(4)} ${target.padEnd(5)} awareness ${awareness ? 'on ' : 'off'} p50 ${run.latencyMs.p50} p99 ${run.latencyMs.p99} ms  reçus ${run.received}/${run.expected}  CPU serveur ${run.serverCpuPercent} %  client ${run.clientCpuPercent} %  RSS ${run.serverRssIdleMiB} → ${run.serverRssConnectedMiB} → ${run.serverRssAfterMiB} Mio`,
        );
      }
    }
    runs.push(...atSize);
    sizes.push(summarise(clients, atSize, awareness));
  };
  for (const clients of clientCounts) await series(clients, propagationRepeats, recordEntries, false);
  // Long enough to contain the 15 s awareness renewal of clients that all connected in the same few seconds.
  await series(clientCounts.at(-1)!, propagationRepeats, awarenessRecordEntries, true);
  console.log(`Mémoire par participant (${memoryStages.join(' puis ')} clients connectés)…`);
  const memory: MemoryRun[] = [];
  for (const target of ['stock', 'orsan'] as const) {
    memory.push(await measureMemory(target, memoryStages));
    const m = memory.at(-1)!;
    console.log(`  ${target.padEnd(5)} RSS ${m.idleMiB} → ${m.stages.map((st) => `${st.rssMiB} (${st.clients})`).join(' → ')} Mio : ${m.kibPerClient} Kio par client`);
  }
  const summary = {
    coldSync: { ...cold.medians, ratio: cold.ratio, pass: cold.ratio <= targets.coldSyncRatio },
    propagation: sizes,
    memory: Object.fromEntries(memory.map((m) => [m.target, m.kibPerClient])),
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
      coldSync: `${entries} entries written through ORSAN's /yjs endpoint by stock y-websocket clients (batches of 200, one session each: the per-session record limit); ORSAN restarted (SIGTERM, document stored compacted) before each cold sync; the stock server preloaded with the resulting document; sync = new WebsocketProvider → 'sync' event, in a fresh process; ORSAN and stock alternate`,
      propagation: `fresh server and empty main courante per run; client 0 appends one entry (a plain JSON object in entries) every 100 ms, 10 warm-up then ${recordEntries} recorded; latency = push → observer's entries.length grows, same process; clients' awareness off (local state null), ${propagationRepeats} alternating repeats; then ${propagationRepeats} alternating runs at ${clientCounts.at(-1)} clients with awareness on (stock client default) and ${awarenessRecordEntries} recorded entries, a window that contains the clients' 15 s awareness renewal`,
      memory: `main-courante clients connected in two stages (${memoryStages.join(', then ')}), nothing written; server RSS floor (lowest of 15 samples over 1.5 s) at each stage; cost per participant = RSS slope between the stages`,
    },
    targets,
    summary,
    coldSync: cold,
    propagation: runs,
    memory,
  });
  console.log(`\n${markdownSummary(cold, sizes, memory)}\nRésultats : ${file}`);
}

function markdownSummary(cold: ColdSyncResult, sizes: PropagationSummary[], memory: MemoryRun[]): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
  return [
    `| Cold sync, ${cold.entries} entries (${mib(cold.fill.updateBytes)} MiB), median of ${cold.stockMs.length} | ms |`,
    '| --- | --- |',
    `| stock @y/websocket-server (in memory) | ${cold.medians.stock} |`,
    `| ORSAN, first client after a restart (loaded from SQLite) | ${cold.medians.orsanCold} |`,
    `| ORSAN, next client (in memory) | ${cold.medians.orsanWarm} |`,
    `| ratio cold / stock (target ≤ ${targets.coldSyncRatio}) | **${cold.ratio}** ${cold.ratio <= targets.coldSyncRatio ? '✅' : '❌'} |`,
    '',
    '| Clients | awareness | stock p50 / p99 ms | ORSAN p50 / p99 ms | p99 ratio | all delivered |',
    '| --- | --- | --- | --- | --- | --- |',
    ...sizes.map(
      (s) =>
        `| ${s.clients} | ${s.awareness ? 'on' : 'off'} | ${s.stockP50} / ${s.stockP99} | ${s.orsanP50} / ${s.orsanP99} | **${s.ratio}** ${s.pass ? '✅' : '❌'} | ${s.complete ? 'oui' : '**non**'} |`,
    ),
    '',
    '| Server memory | RSS idle MiB | RSS at each stage MiB | KiB per participant |',
    '| --- | --- | --- | --- |',
    ...memory.map((m) => `| ${m.target} | ${m.idleMiB} | ${m.stages.map((st) => `${st.rssMiB} (${st.clients} clients)`).join(' → ')} | **${m.kibPerClient}** |`),
  ].join('\n');
}
