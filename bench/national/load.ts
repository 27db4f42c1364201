import { randomUUID } from 'node:crypto';
import { entriesOf, newRecordId } from '../../shared/main-courante/doc.js';
import { sleep } from '../cluster/sockets.js';
import { summarise } from '../lib/stats.js';
import { histogramOf } from './histogram.js';
import type { DeliveryCount, LoadResult, NationalLoadConfig, RoomResult } from './protocol.js';
import { prepareRegion, type Region } from './regions.js';

/**
 * Load process of the national suite. Creates its rooms with their sessions and Yjs clients (`ROOMS_READY`),
 * waits for a first SIGUSR2, opens its rooms' sockets one wave per room (at most `maxHandshakesInFlight`
 * handshakes in flight, then a pause), prints `CONNECTED`, and waits for a second SIGUSR2 so that every load
 * process of the run starts sending at the same moment. Then, in every room at once (phases spread over
 * the period): commands at `commandsPerSecond` from the room's director socket and main-courante entries at
 * `entriesPerSecond`; warm-up, `RECORD_START`, recorded window, wait for every expected delivery, `RECORD_END`,
 * `RESULT <json>`. Stays connected until SIGTERM, so that the parent reads the servers' memory with every
 * participant still there. Exits by itself if the parent disappears.
 */
const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as NationalLoadConfig;
// Each SIGUSR2 moves on one step (connect the sockets, then send); counted from the start, so none is lost.
let signals = 0;
process.on('SIGUSR2', () => (signals += 1));
const signalled = async (count: number) => {
  while (signals < count) await sleep(20);
};
const parentPid = process.ppid;
setInterval(() => {
  try {
    process.kill(parentPid, 0);
  } catch {
    process.exit(2);
  }
}, 500).unref();

interface Recorder {
  region: Region;
  sentAt: Map<string, { at: number; kind: 'command' | 'entry' }>;
  commands: { samples: Float64Array; received: number };
  entries: { samples: Float64Array; received: number };
  reader: { samples: number[]; entryIds: Map<string, number> };
  acks: number[];
  refused: Record<string, number>;
  outOfOrder: number;
}

const recordCommands = Math.round(config.recordSeconds * config.commandsPerSecond);
const recordEntries = Math.round(config.recordSeconds * config.entriesPerSecond);

/** Times every delivery of a recorded command or entry; checks that each socket sees seqs in increasing order. */
function listen(region: Region): Recorder {
  const rec: Recorder = {
    region,
    sentAt: new Map(),
    commands: { samples: new Float64Array(recordCommands * region.receivers.length), received: 0 },
    entries: { samples: new Float64Array(recordEntries * region.receivers.length), received: 0 },
    reader: { samples: [], entryIds: new Map() },
    acks: [],
    refused: {},
    outOfOrder: 0,
  };
  for (const socket of region.receivers) {
    let lastSeq = -1;
    socket.on('event', (event: { seq: number; commandId: string | null }) => {
      if (event.seq <= lastSeq) rec.outOfOrder += 1;
      lastSeq = Math.max(lastSeq, event.seq);
      const sent = event.commandId === null ? undefined : rec.sentAt.get(event.commandId);
      if (!sent) return;
      const count = sent.kind === 'command' ? rec.commands : rec.entries;
      if (count.received < count.samples.length) count.samples[count.received] = performance.now() - sent.at;
      count.received += 1;
    });
  }
  const reader = region.reader;
  if (reader) {
    // Only the items this update added are read (never the whole array, see the notes).
    const entries = entriesOf(reader.doc);
    let seen = entries.length;
    reader.doc.on('update', () => {
      const now = performance.now();
      for (; seen < entries.length; seen++) {
        const at = rec.reader.entryIds.get(entries.get(seen).id);
        if (at !== undefined) rec.reader.samples.push(now - at);
      }
    });
  }
  return rec;
}

async function onSchedule(count: number, perSecond: number, phaseMs: number, act: (i: number) => void): Promise<void> {
  const start = performance.now() + phaseMs;
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await sleep(wait);
    act(i);
  }
}

const commandText = 'Point de situation : '.padEnd(Math.max(20, config.payloadBytes - 12), '·');

/** One phase (warm-up or recorded) of one room: its commands and its entries, on their fixed schedules. */
function drive(rec: Recorder, seconds: number, record: boolean): Promise<unknown> {
  const { region } = rec;
  const phaseMs = (region.room / config.totalRooms) * (1000 / config.commandsPerSecond);
  const command = () => {
    const id = randomUUID();
    const at = performance.now();
    if (record) rec.sentAt.set(id, { at, kind: 'command' });
    region.sender
      .timeout(30_000)
      .emitWithAck('command', { id, type: 'room.announce', payload: { text: commandText } })
      .then((ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? record && rec.acks.push(performance.now() - at) : refuse(ack.error?.code ?? 'unknown')))
      .catch(() => refuse('timeout'));
  };
  const refuse = (code: string) => (rec.refused[code] = (rec.refused[code] ?? 0) + 1);
  const write = (i: number) => {
    const id = newRecordId();
    const at = performance.now();
    if (record) {
      rec.sentAt.set(`mc:${id}`, { at, kind: 'entry' });
      rec.reader.entryIds.set(id, at);
    }
    region.writeEntry(id, `Région ${region.room + 1}, entrée ${i + 1} : `.padEnd(config.entryBytes, '·'));
  };
  return Promise.all([
    onSchedule(Math.round(seconds * config.commandsPerSecond), config.commandsPerSecond, phaseMs, command),
    onSchedule(Math.round(seconds * config.entriesPerSecond), config.entriesPerSecond, phaseMs + 500 / config.commandsPerSecond, write),
  ]);
}

function delivery(samples: Float64Array | number[], received: number, expected: number): DeliveryCount {
  const kept = Float64Array.from(samples).subarray(0, Math.min(received, samples.length));
  return { received, expected, latencyMs: summarise(kept), histogram: histogramOf(kept) };
}

function roomResult(rec: Recorder): RoomResult {
  const receivers = rec.region.receivers.length;
  return {
    room: rec.region.room,
    home: rec.region.home,
    receivers,
    commands: delivery(rec.commands.samples, rec.commands.received, recordCommands * receivers),
    entries: delivery(rec.entries.samples, rec.entries.received, recordEntries * receivers),
    yjsReader: rec.region.reader ? delivery(rec.reader.samples, rec.reader.samples.length, recordEntries) : null,
    ackMs: summarise(rec.acks),
    refusedCommands: rec.refused,
    outOfOrder: rec.outOfOrder,
  };
}

async function main(): Promise<void> {
  const prepared: Array<() => Promise<Region>> = [];
  for (const room of config.rooms) prepared.push(await prepareRegion(config, room));
  console.log('ROOMS_READY');
  await signalled(1);
  const t0 = performance.now();
  const regions: Region[] = [];
  for (const connect of prepared) {
    regions.push(await connect());
    await sleep(config.wavePauseMs);
  }
  const connectMs = Math.round(performance.now() - t0);
  const recorders = regions.map(listen);
  const sockets = regions.reduce((n, r) => n + r.receivers.length + 1, 0);
  console.log(`CONNECTED ${sockets} sockets in ${connectMs} ms`);
  await signalled(2);

  await Promise.all(recorders.map((rec) => drive(rec, config.warmupSeconds, false)));
  await sleep(500);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  console.log('RECORD_START');
  await Promise.all(recorders.map((rec) => drive(rec, config.recordSeconds, true)));
  const missing = () =>
    recorders.some(
      (rec) => rec.commands.received < rec.commands.samples.length || rec.entries.received < rec.entries.samples.length || (rec.region.reader !== null && rec.reader.samples.length < recordEntries),
    );
  const deadline = performance.now() + config.drainTimeoutMs;
  while (missing() && performance.now() < deadline) await sleep(10);
  console.log('RECORD_END');
  const cpu = process.cpuUsage(cpu0);

  const result: LoadResult = {
    pid: process.pid,
    rooms: recorders.map(roomResult),
    sockets,
    connectMs,
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 1000) / 10,
    clientRssMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  for (const region of regions) region.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
