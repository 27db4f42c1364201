import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { limits } from '../../shared/core/limits.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { Scenario } from '../../shared/exercise/scenario.js';

/**
 * The baseline of the injection bench: on `clock.start`, one bare `setTimeout` per stimulus of the same
 * scenario file, each broadcasting with bare socket.io an event of the same shape and payload as ORSAN's
 * `stimulus.injected` at the same due time. No store, no reducer, no audiences.
 */
const scenario = JSON.parse(readFileSync(process.env.BENCH_SCENARIO ?? '', 'utf8')) as Scenario;
const http = createServer();
const io = new Server(http, { maxHttpBufferSize: limits.maxSocketMessageBytes, serveClient: false });
const hex = (n: number) => n.toString(16).padStart(64, '0');
const timers: NodeJS.Timeout[] = [];
let seq = 0;

function emit(type: string, payload: unknown, wallTime: number, exerciseTime: number): void {
  seq += 1;
  const actor = { kind: 'system', name: 'Système' };
  io.to('room').emit('event', { roomId: 'bench-room-0000', seq, type, wallTime, exerciseTime, actor, visibility: 'all', payload, commandId: null, prevHash: hex(seq - 1), hash: hex(seq) });
}

function start(): void {
  const anchorWall = Date.now();
  emit('clock.changed', { action: 'start', clock: { status: 'running', speed: 1, anchorWall, anchorExercise: 0 } }, anchorWall, 0);
  const sender = scenario.simulatedActors.find((a) => a.id === 'clinique')!;
  for (const s of scenario.chronogramme) {
    const due = parseOffset(s.offset);
    timers.push(
      setTimeout(
        () => {
          const now = Date.now();
          const item = {
            id: s.id,
            sender: { id: sender.id, label: sender.label },
            recipients: s.recipients,
            channel: s.channel,
            subject: s.subject,
            content: s.content,
            attachments: [],
            injectedAt: now - anchorWall,
            injectedWall: now,
            inReplyTo: null,
            acks: {},
            replies: [],
            links: [],
          };
          emit('stimulus.injected', { item, due }, now, now - anchorWall);
        },
        anchorWall + due - Date.now(),
      ),
    );
  }
}

io.on('connection', (socket) => {
  void socket.join('room');
  socket.on('command', (envelope: { type: string }, ack: (a: unknown) => void) => {
    if (envelope.type !== 'clock.start' || timers.length > 0) return ack({ ok: false, error: { code: 'conflict', message: 'déjà démarré' } });
    start();
    ack({ ok: true, seq });
  });
});

http.listen(0, '127.0.0.1', () => {
  console.log(`Ordonnanceur nu en service : http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  for (const timer of timers) clearTimeout(timer);
  io.close();
  process.exit(0);
});
