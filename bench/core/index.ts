import { spawnNodeScript } from '../../tools/process.js';
import { waitForOutput } from '../lib/child.js';
import { describeMachine } from '../lib/machine.js';
import { pressureFromEnv, startPressure, type PressureKind } from '../lib/pressure.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { loadCpu, measureBroadcast, serverCpu, type BroadcastRun } from './broadcast.js';
import type { DurableLoopResult } from './durable-loop.js';
import type { StoreResult } from './store-worker.js';
import { markdownSummary } from './summary.js';
import { targets, type BroadcastComparison, type DiskCondition } from './targets.js';

const clientCounts = (process.env.BENCH_CLIENTS ?? '100,500,1000').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Bare and ORSAN alternate within each repeat, so that a noisy minute on the machine hits both. */
async function compareBroadcast(clients: number): Promise<Omit<BroadcastComparison, 'targetP99Ms' | 'pass'>> {
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
  const complete = runs.every((r) => r.received === r.expected);
  return { clients, bareP99Ms: p99('bare'), orsanP99Ms: p99('orsan'), ratio: round2(p99('orsan') / p99('bare')), complete, runs };
}

/** The issue's target for one client count: quiet, 1.2 × bare p99; busy disk, 1.2 × (bare p99 + the loop's p99 commit). */
function judge(measured: Omit<BroadcastComparison, 'targetP99Ms' | 'pass'>, loopP99Ms: number | null): BroadcastComparison {
  const targetP99Ms = round2(targets.broadcastP99Ratio * (measured.bareP99Ms + (loopP99Ms ?? 0)));
  return { ...measured, targetP99Ms, pass: measured.complete && measured.orsanP99Ms <= targetP99Ms };
}

/** Runs a worker script pinned to the server's core and returns its `RESULT` line. */
async function runWorker<T>(script: string): Promise<T> {
  const { proc } = await spawnNodeScript(script, /RESULT /, { cpu: serverCpu, readyTimeoutMs: 180_000 });
  const line = await waitForOutput(proc, /RESULT (.*)/, 5_000);
  await proc.exited();
  return JSON.parse(line[1]!) as T;
}

async function measureDurableLoop(): Promise<DurableLoopResult> {
  const loop = await runWorker<DurableLoopResult>('bench/core/durable-loop.ts');
  console.log(`  boucle durable nue : ${loop.commitsPerSecond} commits/s, p50 ${loop.commitMs.p50} ms, p99 ${loop.commitMs.p99} ms (${loop.seconds} s)`);
  return loop;
}

/** The durable-append ratios to the bare loop and their pass/fail. */
function durableAppends(store: StoreResult) {
  const ratio = (mode: keyof StoreResult['medians']) => Math.round((store.medians[mode] / store.medians.bare) * 1000) / 1000;
  const ratios = { eventStore: ratio('eventStore'), single: ratio('single'), group: ratio('group') };
  const pass = { eventStore: ratios.eventStore >= targets.storeAppendRatio, single: ratios.single >= targets.singleCommandRatio, group: ratios.group >= targets.groupCommitRatio };
  return { ...store, ratios, pass };
}

/** Everything measured under one condition, in order: loop, durable appends, broadcasts, loop again. */
async function measureAll() {
  console.log('Condition du disque (boucle better-sqlite3 nue, WAL, synchronous=FULL, une ligne par transaction)…');
  const loopBefore = await measureDurableLoop();
  console.log('Écritures durables (boucle nue, EventStore.append, RoomRuntime une commande à la fois, lots de 20)…');
  const storeBefore = { loadAverage1m: loadAverage(), ...contention() };
  const store = durableAppends(await runWorker<StoreResult>('bench/core/store-worker.ts'));
  const storeLoad = { before: storeBefore, after: { loadAverage1m: loadAverage(), ...contention() } };
  const m = store.medians;
  console.log(
    `  commandes/s : nue ${m.bare}, EventStore.append ${m.eventStore} (${store.ratios.eventStore}), une à la fois ${m.single} (${store.ratios.single}), par 20 ${m.group} (${store.ratios.group})`,
  );
  console.log('Latence commande → diffusion (p99, médiane de', repeats, 'passes)…');
  const measured = [];
  for (const clients of clientCounts) measured.push(await compareBroadcast(clients));
  console.log('Condition du disque après les mesures…');
  const loopAfter = await measureDurableLoop();
  return { loopBefore, loopAfter, store, storeLoad, measured };
}

/** The core suite: disk condition, durable appends, command → broadcast latency at 100/500/1,000 clients. */
export async function runCoreBench(): Promise<void> {
  const kind = pressureFromEnv();
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  console.log(`Pression disque : ${kind === 'none' ? 'aucune (machine calme)' : kind}`);
  const pressure = await startPressure(kind, [serverCpu, loadCpu]);
  let all: Awaited<ReturnType<typeof measureAll>>;
  try {
    all = await measureAll();
  } catch (error) {
    // The measurement's error is the one to see; the pressure is stopped all the same.
    await pressure.stop().catch((stopError: unknown) => console.error('arrêt de la pression :', stopError));
    throw error;
  }
  const report = await pressure.stop();
  const { loopBefore, loopAfter, store, storeLoad, measured } = all;
  console.log(
    `Condition : pression ${kind}, boucle durable nue ${loopBefore.commitsPerSecond} → ${loopAfter.commitsPerSecond} commits/s, p99 commit ${loopBefore.commitMs.p99} → ${loopAfter.commitMs.p99} ms`,
  );
  const condition: DiskCondition = { pressure: kind, before: loopBefore, after: loopAfter, loopP99Ms: round2((loopBefore.commitMs.p99 + loopAfter.commitMs.p99) / 2) };
  // The busy-disk target takes the disk as it was over the whole run: the mean of the loop's p99 before and after.
  const broadcast = measured.map((b) => judge(b, kind === 'none' ? null : condition.loopP99Ms));
  const env = ['SQLITE_WRITER', 'BENCH_DISK_PRESSURE', 'BENCH_REPEATS', 'BENCH_CLIENTS', 'BENCH_DURABLE_LOOP_MS', 'BENCH_STORE_ROUNDS', 'BENCH_STORE_ROUND_MS']
    .filter((k) => process.env[k])
    .map((k) => `${k}=${process.env[k]}`);
  const results = {
    suite: 'core',
    startedAt,
    command: `${env.length > 0 ? `${env.join(' ')} ` : ''}npm run bench -- core`,
    machine: describeMachine(),
    machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
    condition: { ...condition, pressureReport: report },
    method: describeMethod(kind),
    sqliteWriter: process.env.SQLITE_WRITER ?? 'auto',
    targets,
    durableAppends: { ...store, machineLoad: storeLoad },
    broadcast,
  };
  const writer = process.env.SQLITE_WRITER ? `-writer-${process.env.SQLITE_WRITER}` : '';
  const file = writeResults(`${kind === 'none' ? 'core' : `core-${kind.replace('+', '-')}`}${writer}`, results);
  console.log(`\n${markdownSummary(broadcast, store, condition)}\nRésultats : ${file}`);
}

function describeMethod(kind: PressureKind) {
  return {
    pinning: `server, store workers and durable loop on CPU ${serverCpu}, load process (all receivers and senders) on CPU ${loadCpu}`,
    transport: 'websocket',
    schedule: '20 commands/s from 4 sender sockets, 20 warm-up commands then 200 recorded; latency = send → receipt, same process clock',
    receivers: 'ORSAN: up to 50 sessions (players ars/prefecture, observers, evaluators) shared by the sockets; bare: one room',
    handshakesInFlight: 50,
    repeats,
    pressure: describePressure(kind),
    target: kind === 'none' ? 'ORSAN p99 ≤ 1.2 × bare p99, every delivery received' : 'ORSAN p99 ≤ 1.2 × (bare p99 + bare loop p99 commit, mean of before/after), every delivery received',
  };
}

function describePressure(kind: PressureKind): string {
  if (kind === 'none') return 'none: quiet machine (other work on it recorded in machineLoad)';
  const disk = 'a separate process writes 16 MiB to a file in the temp folder (file system of the server’s DATA_DIR), fsyncs it, overwrites it in place and fsyncs again, deletes it, in a loop';
  return kind === 'bursty' ? disk : `${disk}; plus one process per core, pinned, busy 10 ms of CPU in every 20 ms (≈ 50 %)`;
}
