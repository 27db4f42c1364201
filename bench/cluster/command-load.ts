import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { summarise, type LatencySummary } from '../lib/stats.js';
import { createBenchRoom, joinSessions, mixedAudiences, openSockets, sleep, type Audience, type SocketTarget } from './sockets.js';

/**
 * Load process of the command → broadcast benches (care map, cluster): N receivers spread round-robin over
 * one or several server URLs, and a few senders on the first URL, all in ONE process so that send and
 * receive times share one clock. Prints `RECORD_START` / `RECORD_END` around the recorded window and a final
 * `RESULT <json>` line, like bench/core/load-client.ts, whose method it follows.
 */
export interface CommandLoadConfig {
  target: 'orsan' | 'bare';
  /** Receivers go to `urls[i % urls.length]`; senders and the REST setup use `urls[0]`. */
  urls: string[];
  operatorToken: string;
  clients: number;
  sessions: number;
  /** Who sends the commands (ORSAN): the director, or e.g. a player of the ARS cell for the care map. */
  sender: Audience;
  senders: number;
  /** `announce`: room.announce with ~payloadBytes of text; `careStatus`: careMap.setStatus on `finess`, cycling modes. */
  command: 'announce' | 'careStatus';
  finess: string[];
  ratePerSecond: number;
  warmupCommands: number;
  recordCommands: number;
  payloadBytes: number;
  maxHandshakesInFlight: number;
  /** How long to wait for the last deliveries after the last send. */
  drainTimeoutMs: number;
}

export interface CommandLoadResult {
  clients: number;
  received: number;
  expected: number;
  /** Deliveries seen twice or out of order on one socket (seq not increasing): must be 0. */
  outOfOrder: number;
  latencyMs: LatencySummary;
  /** Latency of the receivers of each URL (index as in `urls`). */
  byUrl: Array<{ url: string; clients: number; received: number; latencyMs: LatencySummary }>;
  ackMs: LatencySummary;
  refusedCommands: Record<string, number>;
  clientCpuPercent: number;
  eventBytes: number;
  connectMs: number;
}

const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as CommandLoadConfig;
const modes = ['degrade', 'critique', 'arret', 'normal'] as const;

/** The i-th command's type and payload: both targets get byte-identical payloads. */
function commandFor(i: number): { type: string; payload: Record<string, unknown> } {
  if (config.command === 'announce') return { type: 'room.announce', payload: { text: 'Point de situation : '.padEnd(config.payloadBytes - 12, '·') } };
  const base = { finess: config.finess[i % config.finess.length]!, mode: modes[i % modes.length]! };
  const room = config.payloadBytes - JSON.stringify({ ...base, situation: '' }).length;
  return { type: 'careMap.setStatus', payload: { ...base, situation: 'Rançongiciel : SI hors service, urgences en mode papier. '.padEnd(Math.max(10, room), '·') } };
}

async function targets(): Promise<{ senders: SocketTarget[]; receivers: SocketTarget[] }> {
  const receiverUrl = (i: number) => config.urls[i % config.urls.length]!;
  if (config.target === 'bare') {
    return {
      senders: Array.from({ length: config.senders }, () => ({ url: config.urls[0]! })),
      receivers: Array.from({ length: config.clients }, (_, i) => ({ url: receiverUrl(i) })),
    };
  }
  const room = await createBenchRoom(config.urls[0]!, config.operatorToken, { mode: 'crisis', title: 'Banc de mesure — diffusion' });
  // One session per sender socket: the command rate limit is per session, and the bench measures the broadcast.
  const senderTokens = await joinSessions(room, [config.sender], config.senders, 'Émetteur');
  const tokens = await joinSessions(room, mixedAudiences, config.sessions);
  return {
    senders: senderTokens.map((token) => ({ url: config.urls[0]!, token })),
    receivers: Array.from({ length: config.clients }, (_, i) => ({ url: receiverUrl(i), token: tokens[i % tokens.length]! })),
  };
}

interface Recorder {
  sentAt: Map<string, number>;
  samples: Float64Array[];
  received: number[];
  outOfOrder: number;
  eventBytes: number;
}

/** Times every delivery of a recorded command, per URL; checks that each socket sees seqs in increasing order. */
function listen(receivers: Socket[]): Recorder {
  const perUrl = (u: number) => receivers.filter((_, i) => i % config.urls.length === u).length;
  const rec: Recorder = {
    sentAt: new Map(),
    samples: config.urls.map((_, u) => new Float64Array(config.recordCommands * perUrl(u))),
    received: config.urls.map(() => 0),
    outOfOrder: 0,
    eventBytes: 0,
  };
  receivers.forEach((socket, i) => {
    const u = i % config.urls.length;
    let lastSeq = -1;
    socket.on('event', (event: { seq: number; commandId: string | null }) => {
      if (event.seq <= lastSeq) rec.outOfOrder += 1;
      lastSeq = Math.max(lastSeq, event.seq);
      const at = event.commandId === null ? undefined : rec.sentAt.get(event.commandId);
      if (at === undefined) return;
      rec.eventBytes ||= JSON.stringify(event).length;
      const n = rec.received[u]!;
      if (n < rec.samples[u]!.length) rec.samples[u]![n] = performance.now() - at;
      rec.received[u] = n + 1;
    });
  });
  return rec;
}

async function main(): Promise<void> {
  const live = config.target === 'orsan' ? 'welcome' : 'connect';
  const { senders: senderTargets, receivers: receiverTargets } = await targets();
  const t0 = performance.now();
  const senders = await openSockets(senderTargets, live, config.maxHandshakesInFlight);
  const receivers = await openSockets(receiverTargets, live, config.maxHandshakesInFlight);
  const connectMs = Math.round(performance.now() - t0);
  const rec = listen(receivers);
  await sleep(1_500); // presence messages of the connection burst settle

  const acks: number[] = [];
  const refused: Record<string, number> = {};
  const refuse = (code: string) => (refused[code] = (refused[code] ?? 0) + 1);
  const send = (i: number, record: boolean) => {
    const id = randomUUID();
    const at = performance.now();
    if (record) rec.sentAt.set(id, at);
    senders[i % senders.length]!.timeout(30_000)
      .emitWithAck('command', { id, ...commandFor(i) })
      .then((ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? record && acks.push(performance.now() - at) : refuse(ack.error?.code ?? 'unknown')))
      .catch(() => refuse('timeout'));
  };
  const schedule = async (count: number, offset: number, record: boolean) => {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const wait = start + (i * 1000) / config.ratePerSecond - performance.now();
      if (wait > 0) await sleep(wait);
      send(offset + i, record);
    }
  };

  await schedule(config.warmupCommands, 0, false);
  await sleep(500);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  console.log('RECORD_START');
  await schedule(config.recordCommands, config.warmupCommands, true);
  const expected = config.recordCommands * config.clients;
  const total = () => rec.received.reduce((a, b) => a + b, 0);
  const deadline = performance.now() + config.drainTimeoutMs;
  while (total() < expected && performance.now() < deadline) await sleep(10);
  console.log('RECORD_END');
  const cpu = process.cpuUsage(cpu0);

  const byUrl = config.urls.map((url, u) => ({
    url,
    clients: rec.samples[u]!.length / config.recordCommands,
    received: rec.received[u]!,
    latencyMs: summarise(rec.samples[u]!.subarray(0, Math.min(rec.received[u]!, rec.samples[u]!.length))),
  }));
  const all = Float64Array.from(byUrl.flatMap((_, u) => Array.from(rec.samples[u]!.subarray(0, Math.min(rec.received[u]!, rec.samples[u]!.length)))));
  const result: CommandLoadResult = {
    clients: config.clients,
    received: total(),
    expected,
    outOfOrder: rec.outOfOrder,
    latencyMs: summarise(all),
    byUrl,
    ackMs: summarise(acks),
    refusedCommands: refused,
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 1000) / 10,
    eventBytes: rec.eventBytes,
    connectMs,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
  for (const socket of [...senders, ...receivers]) socket.close();
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
