import type { Socket } from 'socket.io-client';
import type { ClockState } from '../../shared/exercise/clock.js';
import { summarise, type LatencySummary } from '../lib/stats.js';
import { createBenchRoom, joinSessions, openSockets, preciseWallNow, sleep, type SocketTarget } from '../cluster/sockets.js';

/**
 * Load process of the injection-timing bench: N players of the ARS cell and one director, in ONE process.
 * The director starts the exercise clock; every receiver timestamps each `stimulus.injected` on arrival.
 * Timing error = receipt wall time − the wall time at which the server clock reached the stimulus's due
 * exercise time (from the `clock.changed` anchors). Server and load share one machine, hence one wall clock.
 */
export interface InjectionConfig {
  target: 'orsan' | 'bare';
  url: string;
  operatorToken: string;
  scenarioId: string;
  clients: number;
  sessions: number;
  /** Stimuli in the chronogramme, and how many of the first are a warm-up (delivered and checked, not recorded). */
  stimuli: number;
  warmupStimuli: number;
  lastDueMs: number;
  maxHandshakesInFlight: number;
}

export interface InjectionResult {
  clients: number;
  received: number;
  expected: number;
  warmupReceived: number;
  warmupExpected: number;
  duplicates: number;
  /** Receipt − due wall time, every (recorded stimulus × receiver). */
  errorMs: LatencySummary;
  /** Server part: the event's `wallTime` − due wall time, one per recorded stimulus. */
  serverPartMs: LatencySummary;
  /** Delivery part: receipt − event `wallTime`. */
  deliveryMs: LatencySummary;
  clientCpuPercent: number;
  eventBytes: number;
  connectMs: number;
}

interface Injected {
  seq: number;
  type: string;
  wallTime: number;
  payload: { item?: { id: string }; due?: number; clock?: ClockState };
}

const config = JSON.parse(process.env.BENCH_LOAD ?? '{}') as InjectionConfig;
/** `B01` → 0: the generated scenario numbers its stimuli in chronogramme order. */
const indexOf = (id: string) => Number(id.slice(1)) - 1;

async function targets(): Promise<{ director: SocketTarget; receivers: SocketTarget[] }> {
  if (config.target === 'bare') return { director: { url: config.url }, receivers: Array.from({ length: config.clients }, () => ({ url: config.url })) };
  const room = await createBenchRoom(config.url, config.operatorToken, { mode: 'exercise', title: 'Banc de mesure — injections', scenario: config.scenarioId });
  const tokens = await joinSessions(room, [{ role: 'player', cell: 'ars' }], config.sessions, 'Agent ARS');
  return { director: { url: config.url, token: room.directorToken }, receivers: Array.from({ length: config.clients }, (_, i) => ({ url: config.url, token: tokens[i % tokens.length]! })) };
}

async function main(): Promise<void> {
  const live = config.target === 'orsan' ? 'welcome' : 'connect';
  const { director: directorTarget, receivers: receiverTargets } = await targets();
  const t0 = performance.now();
  const [director] = await openSockets([directorTarget], live);
  const receivers = await openSockets(receiverTargets, live, config.maxHandshakesInFlight);
  const connectMs = Math.round(performance.now() - t0);

  // receipts[stimulus * clients + receiver]: receipt wall time, NaN until received.
  const receipts = new Float64Array(config.stimuli * config.clients).fill(Number.NaN);
  const events = new Array<Injected | undefined>(config.stimuli);
  let clock: ClockState | null = null;
  let duplicates = 0;
  let count = 0;
  let eventBytes = 0;
  const onEvent = (r: number) => (event: Injected) => {
    if (event.type === 'clock.changed' && event.payload.clock) clock ??= event.payload.clock;
    if (event.type !== 'stimulus.injected' || !event.payload.item) return;
    const at = preciseWallNow();
    const s = indexOf(event.payload.item.id);
    if (!(s >= 0 && s < config.stimuli)) return;
    events[s] ??= event;
    eventBytes ||= JSON.stringify(event).length;
    const k = s * config.clients + r;
    if (!Number.isNaN(receipts[k]!)) duplicates += 1;
    else count += 1;
    receipts[k] = at;
  };
  receivers.forEach((socket: Socket, r) => socket.on('event', onEvent(r)));
  director!.on('event', (event: Injected) => {
    if (event.type === 'clock.changed' && event.payload.clock) clock ??= event.payload.clock;
  });
  await sleep(1_500); // presence messages of the connection burst settle

  const ack = (await director!.timeout(10_000).emitWithAck('command', { id: crypto.randomUUID(), type: 'clock.start', payload: {} })) as { ok: boolean; error?: unknown };
  if (!ack.ok) throw new Error(`clock.start refused: ${JSON.stringify(ack.error)}`);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  console.log('RECORD_START');
  const deadline = performance.now() + config.lastDueMs + 15_000;
  while (count < receipts.length && performance.now() < deadline) await sleep(50);
  console.log('RECORD_END');
  const cpu = process.cpuUsage(cpu0);
  if (!clock) throw new Error('no clock.changed event received');
  console.log(`RESULT ${JSON.stringify(analyse(receipts, events, clock, { duplicates, eventBytes, connectMs, cpu, wall0 }))}`);
  for (const socket of [director!, ...receivers]) socket.close();
  process.exit(0);
}

function analyse(
  receipts: Float64Array,
  events: Array<Injected | undefined>,
  clock: ClockState,
  extra: { duplicates: number; eventBytes: number; connectMs: number; cpu: NodeJS.CpuUsage; wall0: number },
): InjectionResult {
  const dueWall = (due: number) => clock.anchorWall + (due - clock.anchorExercise) / clock.speed;
  const errors: number[] = [];
  const delivery: number[] = [];
  const serverPart: number[] = [];
  let warmupReceived = 0;
  for (let s = 0; s < config.stimuli; s++) {
    const event = events[s];
    if (!event || event.payload.due === undefined || event.payload.due === null) continue;
    const due = dueWall(event.payload.due);
    if (s >= config.warmupStimuli) serverPart.push(event.wallTime - due);
    for (let r = 0; r < config.clients; r++) {
      const at = receipts[s * config.clients + r]!;
      if (Number.isNaN(at)) continue;
      if (s < config.warmupStimuli) {
        warmupReceived += 1;
        continue;
      }
      errors.push(at - due);
      delivery.push(at - event.wallTime);
    }
  }
  const recorded = config.stimuli - config.warmupStimuli;
  return {
    clients: config.clients,
    received: errors.length,
    expected: recorded * config.clients,
    warmupReceived,
    warmupExpected: config.warmupStimuli * config.clients,
    duplicates: extra.duplicates,
    errorMs: summarise(errors),
    serverPartMs: summarise(serverPart),
    deliveryMs: summarise(delivery),
    clientCpuPercent: Math.round(((extra.cpu.user + extra.cpu.system) / 1000 / (performance.now() - extra.wall0)) * 1000) / 10,
    eventBytes: extra.eventBytes,
    connectMs: extra.connectMs,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
