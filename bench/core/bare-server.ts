import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { limits } from '../../shared/core/limits.js';

/**
 * The baseline: a bare socket.io server that, for each command, acks it and broadcasts an event of the same
 * shape and size as ORSAN's (envelope, actor, 64-hex hashes) — no validation, no store, no audiences.
 */
const http = createServer();
const io = new Server(http, { maxHttpBufferSize: limits.maxSocketMessageBytes, serveClient: false });
const hex = (n: number) => n.toString(16).padStart(64, '0');
let seq = 0;

io.on('connection', (socket) => {
  void socket.join('room');
  socket.on('command', (envelope: { id: string; type: string; payload: unknown }, ack: (a: unknown) => void) => {
    seq += 1;
    const event = {
      roomId: 'bench-room-0000',
      seq,
      type: 'room.announced',
      wallTime: Date.now(),
      exerciseTime: 0,
      actor: { kind: 'participant', sessionId: 'bench-session', name: 'Directeur', role: 'director' },
      visibility: 'all',
      payload: envelope.payload,
      commandId: envelope.id,
      prevHash: hex(seq - 1),
      hash: hex(seq),
    };
    io.to('room').emit('event', event);
    ack({ ok: true, seq });
  });
});

http.listen(0, '127.0.0.1', () => {
  console.log(`Bare socket.io en service : http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
