import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../../tools/pg-env.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { describeMachine } from '../lib/machine.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { cleanUpOnSignal, measureNational, type NationalShape, type NationalRun } from './measure.js';
import { markdownSummary, summariseTarget, verdicts } from './summary.js';

/**
 * Issue 16, « National scale »: 18 regional rooms × 300 participants on two ORSAN instances (PostgreSQL + Redis),
 * each room receiving 2 commands/s and 1 main-courante entry/s, beside two bare socket.io instances on the same
 * Redis streams adapter with the same rooms, sockets and rates, in the same run.
 */
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${process.env[name]} : un nombre positif est attendu.`);
  return value;
};

/** Sockets one load process drives at most by default: beyond, the client's own CPU starts to show in the tails. */
const socketsPerLoadProcess = 1_800;

function shapeFromEnv(): NationalShape {
  const totalRooms = num('BENCH_NATIONAL_ROOMS', 18);
  const perRoom = num('BENCH_NATIONAL_PER_ROOM', 300);
  return {
    totalRooms,
    perRoom,
    sessionsPerRoom: num('BENCH_NATIONAL_SESSIONS_PER_ROOM', 10),
    commandsPerSecond: 2,
    entriesPerSecond: 1,
    warmupSeconds: num('BENCH_NATIONAL_WARMUP_SECONDS', 3),
    recordSeconds: num('BENCH_NATIONAL_SECONDS', 30),
    payloadBytes: 300,
    entryBytes: 200,
    maxHandshakesInFlight: 50,
    wavePauseMs: 500,
    drainTimeoutMs: 30_000,
    loadProcesses: num('BENCH_NATIONAL_LOAD_PROCESSES', Math.ceil((totalRooms * perRoom) / socketsPerLoadProcess)),
  };
}

const knobs = ['BENCH_NATIONAL_ROOMS', 'BENCH_NATIONAL_PER_ROOM', 'BENCH_NATIONAL_SECONDS', 'BENCH_NATIONAL_WARMUP_SECONDS', 'BENCH_NATIONAL_LOAD_PROCESSES', 'BENCH_NATIONAL_SESSIONS_PER_ROOM'];

/** The national suite; fails loudly (with the command that starts them) if PostgreSQL or Redis is unreachable. */
export async function runNationalBench(): Promise<void> {
  const shape = shapeFromEnv();
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  const sockets = shape.totalRooms * shape.perRoom;
  console.log(`  ${shape.totalRooms} salles × ${shape.perRoom} participants = ${sockets} sockets, ${shape.loadProcesses} processus de charge, ${shape.recordSeconds} s enregistrées`);
  const release = cleanUpOnSignal();
  const runs: NationalRun[] = [];
  try {
    for (const kind of ['bare', 'orsan'] as const) runs.push(await measureNational(kind, shape));
  } finally {
    release();
  }
  const [bare, orsan] = runs.map(summariseTarget) as [ReturnType<typeof summariseTarget>, ReturnType<typeof summariseTarget>];
  const found = verdicts(bare, orsan);
  const set = knobs.filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
  const results = {
    suite: 'national',
    startedAt,
    command: `npm run bench -- national${set.length > 0 ? ` (${set.join(' ')})` : ''}`,
    machine: describeMachine(),
    machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
    method: {
      scale: { rooms: shape.totalRooms, participantsPerRoom: shape.perRoom, sockets, issueTarget: '18 × 300 = 5,400' },
      instances: 'two instances of each target; socket i of a room on instance i mod 2 (clients split as a load balancer would: no proxy process is inserted, its cost is not measured)',
      pinning: `the four server processes on CPU ${serverCpu} (the two instances of a target share it), every load process on CPU ${loadCpu}; PostgreSQL and Redis unpinned`,
      services: { database: `${TEST_DATABASE_URL} (a fresh schema, dropped afterwards)`, redis: `${TEST_REDIS_URL} (a fresh namespace per target, keys deleted afterwards)` },
      transport: 'websocket',
      loadProcesses: `${shape.loadProcesses} (whole rooms per process: a room's sender, receivers and writer share one clock), started one after the other`,
      connection: `one wave per room (its sockets, at most ${shape.maxHandshakesInFlight} handshakes in flight, then ${shape.wavePauseMs} ms pause)`,
      schedule: `per room ${shape.commandsPerSecond} room.announce/s (~${shape.payloadBytes} B) from the director's socket on the room's home instance and ${shape.entriesPerSecond} main-courante entry/s (~${shape.entryBytes} B of text); phases spread over the rooms; ${shape.warmupSeconds} s warm-up then ${shape.recordSeconds} s recorded`,
      orsan: `receivers share ${shape.sessionsPerRoom} sessions per room (players ars/prefecture, observers, evaluators); entries written by a stock y-websocket client (ARS player) on the home instance, mirrored into the room log and delivered to every receiver as mainCourante.entryAdded; a second Yjs client (observer) reads the document on the other instance`,
      bare: 'bench/national/bare-server.ts: socket.io + @socket.io/redis-streams-adapter, room joined from the handshake; the writer is a socket.io socket whose entry the server broadcasts as the same event (no Yjs, no store)',
      memory:
        'RSS floor (lowest of 30 samples over 3 s) per instance: idle (5 s after start, no room), rooms (rooms, sessions and both Yjs clients per room open), connected, loaded (after the recorded window, every client still connected); per participant (target) = (Σ loaded − Σ rooms) / participants, allIn = (Σ loaded − Σ idle) / participants',
    },
    targets: found,
    bare,
    orsan,
    // Each room's latencies are in `bare` and `orsan`; the per-bucket histograms they were pooled from are left out.
    runs: runs.map(withoutHistograms),
  };
  const file = writeResults('national', results);
  console.log(`\n${markdownSummary(bare, orsan, found)}\nRésultats : ${file}`);
}

function withoutHistograms(run: NationalRun): unknown {
  const strip = <T extends { histogram: unknown }>({ histogram: _, ...rest }: T) => rest;
  return {
    ...run,
    loads: run.loads.map((load) => ({
      ...load,
      rooms: load.rooms.map((room) => ({ ...room, commands: strip(room.commands), entries: strip(room.entries), yjsReader: room.yjsReader && strip(room.yjsReader) })),
    })),
  };
}
