import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { limits } from '../../shared/core/limits.js';

/**
 * The baseline of the national suite: one bare socket.io instance on the same Redis streams adapter as ORSAN
 * (`server/cluster/redis-fanout.ts`), started twice on one stream so that a broadcast reaches the sockets of both.
 * A socket joins the room named in its handshake (`auth.room`). For each command it acks and broadcasts to the
 * room an event of ORSAN's shape and size; for each main-courante entry (`entry`, sent by the room's writer) it
 * broadcasts the event ORSAN mirrors into the room log (`commandId` = `mc:<entry id>`). No validation, no store,
 * no audiences, no Yjs. Each room's sender and writer use the room's home instance, so its seq counter is that
 * instance's and stays in order.
 */
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const streamPrefix = process.env.BENCH_REDIS_PREFIX ?? 'orsan:bench-national-bare';
const hex = (n: number) => n.toString(16).padStart(64, '0');
const seqs = new Map<string, number>();

const redis = new Redis(redisUrl, { lazyConnect: true });
await redis.connect();
const http = createServer();
const io = new Server(http, { maxHttpBufferSize: limits.maxSocketMessageBytes, serveClient: false });
io.adapter(createAdapter(redis, { streamName: `${streamPrefix}:socket.io`, channelPrefix: `${streamPrefix}:socket.io`, sessionKeyPrefix: `${streamPrefix}:sio-session:`, blockTimeInMs: 1000 }));

function broadcast(room: string, type: string, payload: unknown, commandId: string): number {
  const seq = (seqs.get(room) ?? 0) + 1;
  seqs.set(room, seq);
  const actor = { kind: 'participant', sessionId: 'bench-session', name: 'Directeur', role: 'director' };
  io.to(room).emit('event', { roomId: room, seq, type, wallTime: Date.now(), exerciseTime: 0, actor, visibility: 'all', payload, commandId, prevHash: hex(seq - 1), hash: hex(seq) });
  return seq;
}

io.on('connection', (socket: Socket) => {
  const auth = socket.handshake.auth as { room?: unknown };
  const room = typeof auth.room === 'string' ? auth.room : 'room';
  void socket.join(room);
  socket.on('command', (envelope: { id: string; type: string; payload: unknown }, ack: (a: unknown) => void) => {
    ack({ ok: true, seq: broadcast(room, 'room.announced', envelope.payload, envelope.id) });
  });
  socket.on('entry', (message: { entry: { id: string } }) => {
    broadcast(room, 'mainCourante.entryAdded', { entry: message.entry, receipt: { receivedAt: Date.now(), receivedExerciseTime: 0, late: false } }, `mc:${message.entry.id}`);
  });
});

http.listen(0, '127.0.0.1', () => {
  console.log(`Bare socket.io + Redis en service : http://127.0.0.1:${(http.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  void io.close();
  redis.disconnect();
  process.exit(0);
});
