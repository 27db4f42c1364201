import { median } from '../lib/stats.js';
import type { BroadcastRun } from './broadcast.js';
import { targets, type BroadcastComparison, type DiskCondition } from './targets.js';
import type { StoreMode, StoreResult } from './store-worker.js';

const round = (v: number) => Math.round(v * 100) / 100;
const mark = (pass: boolean) => (pass ? '✅' : '❌');

/** The tables docs/performance.md quotes (medians over the repeats; CPU and RSS of the server, median too). */
export function markdownSummary(broadcast: BroadcastComparison[], store: StoreResult, condition: DiskCondition): string {
  const med = (runs: BroadcastRun[], target: string, pick: (r: BroadcastRun) => number) => round(median(runs.filter((r) => r.target === target).map(pick)));
  const busy = condition.pressure !== 'none';
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
    return `| ${b.clients} | ${cells[0]} | ${cells[1]} | ${b.ratio} | ≤ ${b.targetP99Ms} ms **${mark(b.pass)}** | ${received}/${expected} | ${med(b.runs, 'orsan', (r) => r.clientCpuPercent)} % |`;
  });
  const loop = (l: DiskCondition['before']) => `${l.commitsPerSecond} commits/s, p99 ${l.commitMs.p99} ms`;
  const lat = (mode: StoreMode) => `${round(median(store.rounds[mode].map((r) => r.latencyMs.p50)))} / ${round(median(store.rounds[mode].map((r) => r.latencyMs.p99)))}`;
  const ratio = (mode: StoreMode) => round(store.medians[mode] / store.medians.bare);
  const appendRow = (mode: StoreMode, label: string, target: number) => `| ${label} | ${store.medians[mode]} | ${lat(mode)} | **${ratio(mode)}** (≥ ${target}) ${mark(ratio(mode) >= target)} |`;
  const stalls = Object.values(store.rounds).flatMap((rounds) => rounds.map((r) => r.stall));
  const range = (values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? 'n/a' : `${Math.min(...known)}–${Math.max(...known)} %`;
  };
  return [
    `Condition: pressure **${condition.pressure}**; bare durable loop before ${loop(condition.before)}, after ${loop(condition.after)}.`,
    '',
    `| N | bare socket.io p50 / p95 / p99 ms / CPU % / RSS MiB | ORSAN p50 / p95 / p99 ms / CPU % / RSS MiB | p99 ratio | ORSAN p99 target (${busy ? `1.2 × (bare + loop p99 ${condition.loopP99Ms} ms)` : '1.2 × bare'}) | received / expected | load CPU (ORSAN) |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `| Durable appends (${store.rowBytes} B event, ${store.rounds.bare.length} alternating rounds of ${store.roundMs} ms) | commands/s (median) | p50 / p99 ms per await | ratio to bare |`,
    '| --- | --- | --- | --- |',
    `| (a) bare better-sqlite3, one row per transaction | ${store.medians.bare} | ${lat('bare')} | 1 |`,
    appendRow('eventStore', 'ORSAN `EventStore.append`, one command per transaction', targets.storeAppendRatio),
    appendRow('single', '(b) ORSAN `RoomRuntime.execute`, one at a time', targets.singleCommandRatio),
    appendRow('group', `(c) ORSAN group commit, ${store.groupSize} submitted at once`, targets.groupCommitRatio),
    '',
    `Machine during the durable rounds (PSI, share of each round): CPU some ${range(stalls.map((s) => s.cpuSomePercent))}, I/O some ${range(stalls.map((s) => s.ioSomePercent))}.`,
  ].join('\n');
}
