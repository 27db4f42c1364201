import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Participant } from '../../shared/core/define.js';
import { systemActor } from '../../shared/core/roles.js';
import type { Viewer } from '../../shared/core/visibility.js';
import { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { loadConfig } from '../../server/config.js';
import type { NewEvent } from '../../server/store/types.js';
import { stallWindow } from '../lib/results.js';
import { openBareLoop } from '../lib/sqlite-loop.js';
import { median, summarise, type LatencySummary } from '../lib/stats.js';

/**
 * Durable appends (issues 2 and 16), four ways in the same process, rounds alternating so that background noise
 * hits them alike, each on the same file system and pragmas (WAL, synchronous=FULL):
 * - `bare`: a bare better-sqlite3 loop, one row of the size of ORSAN's event per transaction;
 * - `eventStore`: ORSAN's `EventStore.append`, one event per command (command id, hash chain);
 * - `single`: `RoomRuntime.execute('room.announce')` awaited one at a time — the whole command path (validation,
 *   decision, rehearsal on four audiences, append, apply) through group commit with batches of one;
 * - `group`: `groupSize` such commands submitted at once (Promise.all), repeated: group commit's batches.
 * Rates are commands per second; latency is per awaited operation (one command, or one group of `groupSize`).
 */
export const modes = ['bare', 'eventStore', 'single', 'group'] as const;
export type StoreMode = (typeof modes)[number];

export interface StoreRound {
  commandsPerSecond: number;
  latencyMs: LatencySummary;
  /** Share of the round during which some task of the machine waited for CPU / for I/O (PSI), percent. */
  stall: { cpuSomePercent: number | null; ioSomePercent: number | null };
}
export interface StoreResult {
  rowBytes: number;
  roundMs: number;
  groupSize: number;
  rounds: Record<StoreMode, StoreRound[]>;
  /** Median commands/s of each mode over its rounds. */
  medians: Record<StoreMode, number>;
}

const roundMs = Number(process.env.BENCH_STORE_ROUND_MS ?? 1_500);
const roundCount = Number(process.env.BENCH_STORE_ROUNDS ?? 6);
const warmupMs = 500;
const groupSize = 20;
const maxOpsPerRound = 200_000;
const text = 'Point de situation : '.padEnd(288, '·');
const draft: NewEvent = { type: 'room.announced', wallTime: Date.now(), exerciseTime: 0, actor: systemActor, visibility: 'all', payload: { text } };
const director: Participant = { kind: 'participant', sessionId: 'bench-director', name: 'Direction', role: 'director' };
/** The audiences a live exercise room has (each gets its projection rehearsed and applied, as on the server). */
const audiences: Viewer[] = [{ role: 'player', cell: 'ars' }, { role: 'player', cell: 'prefecture' }, { role: 'observer' }, { role: 'evaluator' }];

/** Runs `op` for `ms` (bounded in count too); each op stores `perOp` commands. */
async function round(op: () => unknown, perOp = 1, ms = roundMs): Promise<StoreRound> {
  const samples: number[] = [];
  const stall = stallWindow();
  const start = performance.now();
  while (performance.now() - start < ms && samples.length < maxOpsPerRound) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  return { commandsPerSecond: Math.round((samples.length * perOp) / seconds), latencyMs: summarise(samples), stall: stall.stop() };
}

async function liveRoom(id: string, store: ReturnType<typeof openSqliteStore>): Promise<RoomRuntime> {
  const runtime = await RoomRuntime.load(id, store.events);
  for (const viewer of audiences) await runtime.stateFor(viewer);
  return runtime;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-store-'));
  try {
    // The same write path as the server under this environment (SQLITE_WRITER, default `auto`).
    const store = openSqliteStore(join(dir, 'orsan'), { mode: loadConfig({ SQLITE_WRITER: process.env.SQLITE_WRITER }).SQLITE_WRITER });
    const bare = openBareLoop(join(dir, 'bare.db'));
    const [sample] = (await store.events.append('calibrage', [draft], randomUUID())).events;
    const body = JSON.stringify(sample);
    const single = await liveRoom('bench-single', store);
    const group = await liveRoom('bench-group', store);
    const announce = (runtime: RoomRuntime) => runtime.execute(director, randomUUID(), 'room.announce', { text });
    const ops: Record<StoreMode, (ms?: number) => Promise<StoreRound>> = {
      bare: (ms) => round(() => bare.commit(body), 1, ms),
      eventStore: (ms) => round(() => store.events.append('bench-room', [draft], randomUUID()), 1, ms),
      single: (ms) => round(() => announce(single), 1, ms),
      group: (ms) => round(() => Promise.all(Array.from({ length: groupSize }, () => announce(group))), groupSize, ms),
    };
    // Warm-up, not recorded: the JIT compiles the paths, SQLite's cache and the WAL file fill.
    for (const mode of modes) await ops[mode](warmupMs);
    const rounds: Record<StoreMode, StoreRound[]> = { bare: [], eventStore: [], single: [], group: [] };
    for (let i = 0; i < roundCount; i++) for (const mode of modes) rounds[mode].push(await ops[mode]());
    const medians = { bare: 0, eventStore: 0, single: 0, group: 0 };
    for (const mode of modes) medians[mode] = median(rounds[mode].map((r) => r.commandsPerSecond));
    await store.close();
    bare.close();
    const result: StoreResult = { rowBytes: body.length, roundMs, groupSize, rounds, medians };
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
