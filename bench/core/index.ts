import { spawnNodeScript } from '../../tools/process.js';
import { waitForOutput } from '../lib/child.js';
import { describeMachine } from '../lib/machine.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { loadCpu, measureBroadcast, serverCpu, type BroadcastRun } from './broadcast.js';
import type { StoreResult } from './store-worker.js';

/** Targets of issue 2: ORSAN's p99 within 1.5× bare socket.io; durable appends at ≥ 80 % of a bare SQLite loop. */
export const targets = { broadcastP99Ratio: 1.5, storeAppendRatio: 0.8 } as const;

const clientCounts = (process.env.BENCH_CLIENTS ?? '100,500,1000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

interface BroadcastComparison {
  clients: number;
  bareP99Ms: number;
  orsanP99Ms: number;
  ratio: number;
  pass: boolean;
  runs: BroadcastRun[];
}

/** Bare and ORSAN alternate within each repeat, so that a noisy minute on the machine hits both. */
async function compareBroadcast(clients: number): Promise<BroadcastComparison> {
  const runs: BroadcastRun[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const target of ['bare', 'orsan'] as const) {
      const run = await measureBroadcast(target, clients);
      runs.push(run);
      const { p50, p99 } = run.latencyMs;
      console.log(
        `  ${String(clients).padStart(5)} ${target.padEnd(6)} p50 ${p50} ms  p99 ${p99} ms  reçus ${run.received}/${run.expected}  CPU serveur ${run.serverCpuPercent} %  client ${run.clientCpuPercent} %  RSS ${run.serverRssMiB} Mio`,
      );
    }
  }
  const p99 = (target: string) => median(runs.filter((r) => r.target === target).map((r) => r.latencyMs.p99));
  const ratio = Math.round((p99('orsan') / p99('bare')) * 100) / 100;
  const complete = runs.every((r) => r.received === r.expected);
  return { clients, bareP99Ms: p99('bare'), orsanP99Ms: p99('orsan'), ratio, pass: complete && ratio <= targets.broadcastP99Ratio, runs };
}

async function measureStore(): Promise<StoreResult> {
  const { proc } = await spawnNodeScript('bench/core/store-worker.ts', /RESULT /, { cpu: serverCpu, readyTimeoutMs: 120_000 });
  const line = await waitForOutput(proc, /RESULT (.*)/, 5_000);
  await proc.exited();
  return JSON.parse(line[1]!) as StoreResult;
}

/** The core suite: command → broadcast latency at 100/500/1,000 clients, and durable append rate. */
export async function runCoreBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  console.log('Débit d’écriture durable (ORSAN EventStore.append vs boucle better-sqlite3)…');
  const store = await measureStore();
  console.log(`  ORSAN ${store.orsanMedian}/s, SQLite nu ${store.bareMedian}/s, rapport ${store.ratio}`);
  console.log('Latence commande → diffusion (p99, médiane de', repeats, 'passes)…');
  const broadcast: BroadcastComparison[] = [];
  for (const clients of clientCounts) broadcast.push(await compareBroadcast(clients));

  const results = {
    suite: 'core',
    startedAt,
    command: `npm run bench -- core${process.env.BENCH_CLIENTS ? ` (BENCH_CLIENTS=${process.env.BENCH_CLIENTS})` : ''}`,
    machine: describeMachine(),
    machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
    method: {
      pinning: `server on CPU ${serverCpu}, load process (all receivers and senders) on CPU ${loadCpu}`,
      transport: 'websocket',
      schedule: '20 commands/s from 4 sender sockets, 20 warm-up commands then 200 recorded; latency = send → receipt, same process clock',
      receivers: 'ORSAN: up to 50 sessions (players ars/prefecture, observers, evaluators) shared by the sockets; bare: one room',
      handshakesInFlight: 50,
      repeats,
    },
    targets,
    store: { ...store, pass: store.ratio >= targets.storeAppendRatio },
    broadcast: broadcast.map(({ runs, ...summary }) => ({ ...summary, runs })),
  };
  const file = writeResults('core', results);
  console.log(`\n${markdownSummary(broadcast, store)}\nRésultats : ${file}`);
}

/** The tables docs/performance.md quotes (medians over the repeats; CPU and RSS of the server, median too). */
function markdownSummary(broadcast: BroadcastComparison[], store: StoreResult): string {
  const med = (runs: BroadcastRun[], target: string, pick: (r: BroadcastRun) => number) => Math.round(median(runs.filter((r) => r.target === target).map(pick)) * 100) / 100;
  const rows = broadcast.map((b) => {
    const cells = (['bare', 'orsan'] as const).map((t) =>
      [
        med(b.runs, t, (r) => r.latencyMs.p50),
        med(b.runs, t, (r) => r.latencyMs.p95),
        med(b.runs, t, (r) => r.latencyMs.p99),
        med(b.runs, t, (r) => r.serverCpuPercent),
        med(b.runs, t, (r) => r.serverRssMiB),
      ].join(' / '),
    );
    const received = b.runs.reduce((n, r) => n + r.received, 0);
    const expected = b.runs.reduce((n, r) => n + r.expected, 0);
    return `| ${b.clients} | ${cells[0]} | ${cells[1]} | **${b.ratio}** ${b.pass ? '✅' : '❌'} | ${received}/${expected} | ${med(b.runs, 'orsan', (r) => r.clientCpuPercent)} % |`;
  });
  const round = (v: number) => Math.round(v * 100) / 100;
  const lat = (rounds: StoreResult['orsan']) => `${round(median(rounds.map((r) => r.latencyMs.p50)))} / ${round(median(rounds.map((r) => r.latencyMs.p99)))}`;
  return [
    '| N | bare socket.io p50 / p95 / p99 ms / CPU % / RSS MiB | ORSAN p50 / p95 / p99 ms / CPU % / RSS MiB | p99 ratio | received / expected | load CPU (ORSAN) |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '| Store | commits/s (median) | p50 / p99 ms |',
    '| --- | --- | --- |',
    `| bare better-sqlite3 (${store.rowBytes} B row) | ${store.bareMedian} | ${lat(store.bare)} |`,
    `| ORSAN EventStore.append | ${store.orsanMedian} | ${lat(store.orsan)} |`,
    `| ratio | **${store.ratio}** ${store.ratio >= targets.storeAppendRatio ? '✅' : '❌'} | |`,
  ].join('\n');
}
