import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { callApi } from '../../tools/api.js';
import { summarise, type LatencySummary } from '../lib/stats.js';

/**
 * The load process of the broadcast bench: N receivers and a few senders in ONE process, so that send and
 * receive times share one clock. Prints `RECORD_START` / `RECORD_END` around the recorded window (the parent
 * samples the server's CPU there) and a final `RESULT <json>` line.
 */
export interface LoadConfig {
  target: 'orsan' | 'bare';
  url: string;
  operatorToken: string;
  clients: number;
  /** Distinct sessions the receivers share (REST joins are rate-limited; a person may have several tabs). */
  sessions: number;
  senders: number;
  ratePerSecond: number;
  warmupCommands: number;
  recordCommands: number;
  payloadBytes: number;
  maxHandshakesInFlight: number;
}

export interface LoadResult {
  clients: number;
  received: number;
  expected: number;
  latencyMs: LatencySummary;
  ackMs: LatencySummary;
  /** Commands not acked `ok`, by error code (`timeout` when no ack came back in 30 s). */
  refusedCommands: Record<string, number>;
  clientCpuPercent: number;
  eventBytes: number;
  connectMs: number;
}

const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadConfig;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Tokens for the senders (one director session each: the command rate limit is per session, and the bench
 * measures the broadcast, not the limiter) and the receivers (players of both cells, observers, evaluators).
 */
async function orsanTokens(): Promise<{ senders: string[]; receivers: string[] }> {
  const api = (method: string, path: string, body?: unknown, token?: string) => callApi(config.url, method, path, body, token);
  const room = await api('POST', '/api/rooms', { mode: 'exercise', title: 'Banc de mesure' }, config.operatorToken);
  const director = await api('POST', '/api/join', { code: room.body.directorCode, name: 'Direction' });
  const audiences = [{ role: 'player', cell: 'ars' }, { role: 'player', cell: 'prefecture' }, { role: 'observer' }, { role: 'evaluator' }];
  const codes: string[] = [];
  for (const audience of audiences) codes.push((await api('POST', `/api/rooms/${room.body.roomId}/invitations`, audience, director.body.token)).body.code);
  const receivers: string[] = [];
  for (let i = 0; i < config.sessions; i++) {
    const joined = await api('POST', '/api/join', { code: codes[i % codes.length], name: `Participant ${i}` });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    receivers.push(joined.body.token);
  }
  const senders: string[] = [director.body.token];
  while (senders.length < config.senders) {
    const invitation = await api('POST', `/api/rooms/${room.body.roomId}/invitations`, { role: 'director' }, director.body.token);
    const joined = await api('POST', '/api/join', { code: invitation.body.code, name: `Direction ${senders.length + 1}` });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    senders.push(joined.body.token);
  }
  return { senders, receivers };
}

/** Opens one socket and resolves once it is live (ORSAN: `welcome` received; bare: connected). */
function open(token: string | undefined): Promise<Socket> {
  const socket = io(config.url, { auth: token ? { token } : {}, transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once(config.target === 'orsan' ? 'welcome' : 'connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Opens `tokens.length` sockets with at most `maxHandshakesInFlight` handshakes at a time. */
async function openAll(tokens: Array<string | undefined>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      sockets.push(await open(token));
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.maxHandshakesInFlight, tokens.length) }, worker));
  return sockets;
}

async function main(): Promise<void> {
  const tokens = config.target === 'orsan' ? await orsanTokens() : { senders: [undefined], receivers: [undefined] };
  const t0 = performance.now();
  const senders = await openAll(Array.from({ length: config.senders }, (_, i) => tokens.senders[i % tokens.senders.length]));
  const receivers = await openAll(Array.from({ length: config.clients }, (_, i) => tokens.receivers[i % tokens.receivers.length]));
  const connectMs = Math.round(performance.now() - t0);

  const sentAt = new Map<string, number>();
  const expected = config.recordCommands * config.clients;
  const samples = new Float64Array(expected * 2);
  let received = 0;
  let eventBytes = 0;
  for (const socket of receivers) {
    socket.on('event', (event: { commandId: string | null }) => {
      const at = event.commandId === null ? undefined : sentAt.get(event.commandId);
      if (at === undefined) {
        eventBytes ||= JSON.stringify(event).length;
        return;
      }
      if (received < samples.length) samples[received] = performance.now() - at;
      received += 1;
    });
  }
  await sleep(1_000); // presence messages of the connection burst settle

  const text = 'Point de situation : '.padEnd(config.payloadBytes - 12, '·');
  const acks: number[] = [];
  const refused: Record<string, number> = {};
  const refuse = (code: string) => (refused[code] = (refused[code] ?? 0) + 1);
  const send = (i: number, record: boolean) => {
    const id = randomUUID();
    const at = performance.now();
    if (record) sentAt.set(id, at);
    senders[i % senders.length]!.timeout(30_000)
      .emitWithAck('command', { id, type: 'room.announce', payload: { text } })
      .then((ack: { ok: boolean; error?: { code: string } }) => (ack.ok ? record && acks.push(performance.now() - at) : refuse(ack.error?.code ?? 'unknown')))
      .catch(() => refuse('timeout'));
  };
  /** Sends `count` commands on a fixed schedule (not "as fast as acks come back"). */
  const schedule = async (count: number, record: boolean) => {
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / config.ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      send(i, record);
    }
  };

  await schedule(config.warmupCommands, false);
  await sleep(500);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  console.log('RECORD_START');
  await schedule(config.recordCommands, true);
  const deadline = performance.now() + 20_000;
  while (received < expected && performance.now() < deadline) await sleep(10);
  console.log('RECORD_END');
  const cpu = process.cpuUsage(cpu0);
  const clientCpuPercent = Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - wall0)) * 1000) / 10;

  const result: LoadResult = {
    clients: config.clients,
    received,
    expected,
    latencyMs: summarise(samples.subarray(0, Math.min(received, samples.length))),
    ackMs: summarise(acks),
    refusedCommands: refused,
    clientCpuPercent,
    eventBytes,
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
