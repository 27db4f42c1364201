import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../tools/pg-env.js';
import { describeMachine } from '../lib/machine.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { describeRun, loadCpu, measureCommands, serverCpu, startBare, startOrsanCluster, type CommandRun, type Target } from './measure.js';

/**
 * Issue 8: command → broadcast latency with one ORSAN instance and with two instances sharing PostgreSQL and
 * Redis (receivers split evenly between them), beside bare socket.io, at 100 to 2,000 clients.
 * Both ORSAN configurations run on the same PostgreSQL + Redis, so the only difference is the second instance.
 */
const clientCounts = (process.env.BENCH_CLUSTER_CLIENTS ?? '100,500,1000,2000').split(',').map(Number);
const repeats = Number(process.env.BENCH_CLUSTER_REPEATS ?? 1);
const configurations = ['bare', 'orsan-1', 'orsan-2'] as const;
type Configuration = (typeof configurations)[number];

async function startConfiguration(configuration: Configuration): Promise<Target> {
  return configuration === 'bare' ? startBare() : startOrsanCluster(configuration, configuration === 'orsan-1' ? 1 : 2);
}

async function measure(configuration: Configuration, clients: number): Promise<CommandRun> {
  const target = await startConfiguration(configuration);
  try {
    return await measureCommands(target, clients, {}, configuration !== 'bare');
  } finally {
    await target.stop();
  }
}

interface SizeSummary {
  clients: number;
  p50: Record<Configuration, number>;
  p95: Record<Configuration, number>;
  p99: Record<Configuration, number>;
  /** p99 ratios: two instances vs one, and each vs bare socket.io. */
  twoVsOne: number;
  oneVsBare: number;
  twoVsBare: number;
  complete: boolean;
  /** Two instances: p99 of the receivers on the instance that runs the commands (A) and on the other one (B). */
  twoInstancesP99ByInstance: { a: number; b: number };
}

function summarise(clients: number, runs: CommandRun[]): SizeSummary {
  const pick = (key: 'p50' | 'p95' | 'p99') =>
    Object.fromEntries(configurations.map((c) => [c, median(runs.filter((r) => r.target === c).map((r) => r.latencyMs[key]))])) as Record<Configuration, number>;
  const p99 = pick('p99');
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    clients,
    p50: pick('p50'),
    p95: pick('p95'),
    p99,
    twoVsOne: ratio(p99['orsan-2'], p99['orsan-1']),
    oneVsBare: ratio(p99['orsan-1'], p99.bare),
    twoVsBare: ratio(p99['orsan-2'], p99.bare),
    complete: runs.every((r) => r.received === r.expected && r.outOfOrder === 0),
    twoInstancesP99ByInstance: {
      a: median(runs.filter((r) => r.target === 'orsan-2').map((r) => r.byUrl[0]!.latencyMs.p99)),
      b: median(runs.filter((r) => r.target === 'orsan-2').map((r) => r.byUrl[1]?.latencyMs.p99 ?? Number.NaN)),
    },
  };
}

/** The cluster suite; fails loudly (with the command that starts them) if PostgreSQL or Redis is unreachable. */
export async function runClusterBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  const runs: CommandRun[] = [];
  const sizes: SizeSummary[] = [];
  for (const clients of clientCounts) {
    const atSize: CommandRun[] = [];
    for (let i = 0; i < repeats; i++) {
      for (const configuration of configurations) {
        const run = await measure(configuration, clients);
        atSize.push(run);
        console.log(`  ${describeRun(run)}`);
      }
    }
    runs.push(...atSize);
    sizes.push(summarise(clients, atSize));
  }
  const results = {
    suite: 'cluster',
    startedAt,
    command: `npm run bench -- cluster${process.env.BENCH_CLUSTER_CLIENTS ? ` (BENCH_CLUSTER_CLIENTS=${process.env.BENCH_CLUSTER_CLIENTS})` : ''}`,
    machine: describeMachine(),
    machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
    method: {
      pinning: `every server process on CPU ${serverCpu} (two instances share it), the load process on CPU ${loadCpu}; PostgreSQL and Redis unpinned`,
      services: { database: `${TEST_DATABASE_URL} (a fresh schema per run, ?schema=)`, redis: TEST_REDIS_URL },
      transport: 'websocket',
      schedule: '20 room.announce/s (~300 B) from 4 director sockets on instance A; 20 warm-up then 200 recorded; latency = send → receipt, same process clock',
      receivers: 'up to 50 sessions (players ars/prefecture, observers, evaluators); socket i on instance i mod 2 (two instances)',
      handshakesInFlight: 50,
      repeats,
    },
    sizes,
    runs,
  };
  const file = writeResults('cluster', results);
  console.log(`\n${markdownSummary(sizes, runs)}\nRésultats : ${file}`);
}

function markdownSummary(sizes: SizeSummary[], runs: CommandRun[]): string {
  const cpu = (clients: number, c: Configuration) => median(runs.filter((r) => r.clients === clients && r.target === c).map((r) => r.serverCpuTotal));
  const rows = sizes.map((s) => {
    const cell = (c: Configuration) => `${s.p50[c]} / ${s.p95[c]} / ${s.p99[c]} (${cpu(s.clients, c)} %)`;
    return `| ${s.clients} | ${cell('bare')} | ${cell('orsan-1')} | ${cell('orsan-2')} | ${s.twoInstancesP99ByInstance.a} / ${s.twoInstancesP99ByInstance.b} | **${s.twoVsOne}** | ${s.oneVsBare} / ${s.twoVsBare} | ${s.complete ? 'oui' : '**non**'} |`;
  });
  return [
    '| N | bare socket.io p50 / p95 / p99 ms (server CPU) | 1 instance (PG + Redis) | 2 instances | 2 inst.: p99 on A / on B | p99 2 inst. / 1 inst. | p99 vs bare (1 / 2 inst.) | all delivered, in order |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
