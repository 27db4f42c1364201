import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { z } from 'zod';
import { PresenceEntry } from '../../shared/protocol.js';
import type { WallClock } from '../access/wall-clock.js';
import type { Logger } from '../ops/logger.js';
import { roomChannel } from '../realtime/channels.js';
import { PresenceBoard } from './presence-board.js';

/** Far above any real room; bounds what one message can make an instance hold. */
const MAX_ENTRIES = 10_000;
const InstanceId = z.string().min(1).max(100);

const PresenceMessage = z.discriminatedUnion('kind', [
  /** An instance's whole list for a room (empty: nobody there any more), on a change or as a heartbeat. */
  z.object({ kind: z.literal('list'), from: InstanceId, seq: z.number().int().nonnegative(), roomId: z.string().min(1).max(200), entries: z.array(PresenceEntry).max(MAX_ENTRIES) }),
  /** A new (or reconnected) instance: the others republish their lists at once instead of at their next heartbeat. */
  z.object({ kind: z.literal('hello'), from: InstanceId }),
  /** A clean stop: drop every list of this instance now. */
  z.object({ kind: z.literal('bye'), from: InstanceId }),
]);
type PresenceMessage = z.infer<typeof PresenceMessage>;

/** What the hub tells the exchange; the exchange then sends the merged list to this instance's sockets. */
export interface PresenceExchange {
  /** This instance's own list of a room changed (already coalesced by the tracker). */
  ownChanged(roomId: string, entries: PresenceEntry[]): void;
  /** Says goodbye (the others drop this instance's lists at once) and stops. */
  close(): Promise<void>;
}

export interface PresenceExchangeOptions {
  redis: Redis;
  io: Server;
  namespace: string;
  clock: WallClock;
  logger: Logger;
  /** How often non-empty lists are republished (ms); a list unheard for `expiryBeats` of them is dropped. */
  heartbeatMs?: number;
  expiryBeats?: number;
  /** At most one presence message per room and window reaches a socket (ms). */
  emitWindowMs?: number;
}

/**
 * Presence across instances as per-instance summaries on `<namespace>:presence`: each instance publishes
 * its own list of a room when it changes (and as a heartbeat), keeps the latest list of every other
 * instance, and sends the merged list to its own sockets only. A change costs one message of one list
 * through Redis, instead of every instance serialising every socket of the room (`fetchSockets`) and
 * sending the result to the sockets of all instances. An instance that dies silently is forgotten once its
 * lists go unheard for `expiryBeats` heartbeats.
 */
export async function sharePresence({ redis, io, namespace, clock, logger, heartbeatMs = 5000, expiryBeats = 3, emitWindowMs = 100 }: PresenceExchangeOptions): Promise<PresenceExchange> {
  const channel = `${namespace}:presence`;
  const self = randomUUID();
  const board = new PresenceBoard(heartbeatMs * expiryBeats);
  const throttle = new Map<string, { dirty: boolean; timer: NodeJS.Timeout }>();
  let seq = 0;
  let closed = false;
  let cancelHeartbeat: () => void = () => undefined;

  const publish = (message: PresenceMessage) => {
    redis.publish(channel, JSON.stringify(message)).catch((error: unknown) => logger.warn({ err: error }, 'presence exchange: publish failed'));
  };
  const publishList = (roomId: string, entries: PresenceEntry[]) => publish({ kind: 'list', from: self, seq: (seq += 1), roomId, entries });
  const republishAll = () => {
    for (const [roomId, entries] of board.ownLists()) publishList(roomId, entries);
  };

  /** Leading edge, then at most once per window: an isolated change is shown at once, a storm in steps. */
  const changed = (roomId: string) => {
    const cooling = throttle.get(roomId);
    if (cooling) {
      cooling.dirty = true;
      return;
    }
    if (closed) return;
    const channelName = roomChannel(roomId);
    // No socket of the room here: nothing to send (lists of rooms served elsewhere are only kept).
    if (io.of('/').adapter.rooms.has(channelName)) io.local.to(channelName).emit('presence', { participants: board.merged(roomId) });
    const timer = setTimeout(() => {
      const state = throttle.get(roomId);
      throttle.delete(roomId);
      if (state?.dirty) changed(roomId);
    }, emitWindowMs);
    timer.unref();
    throttle.set(roomId, { dirty: false, timer });
  };

  const receive = (message: PresenceMessage) => {
    if (message.from === self) return;
    if (message.kind === 'hello') republishAll();
    else if (message.kind === 'bye') for (const roomId of board.forget(message.from)) changed(roomId);
    else if (board.receive(message.from, message.roomId, message.seq, message.entries, clock.now())) changed(message.roomId);
  };

  const heartbeat = () => {
    republishAll();
    for (const roomId of board.expire(clock.now())) changed(roomId);
    cancelHeartbeat = clock.setTimer(heartbeat, heartbeatMs);
  };

  const subscriber = redis.duplicate({ connectionName: `${namespace}:presence` });
  subscriber.on('error', () => undefined);
  let connectedOnce = false;
  // After a gap (ioredis reconnects and subscribes again by itself), lists were missed both ways.
  subscriber.on('ready', () => {
    if (connectedOnce && !closed) {
      publish({ kind: 'hello', from: self });
      republishAll();
    }
    connectedOnce = true;
  });
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let message: PresenceMessage;
    try {
      message = PresenceMessage.parse(JSON.parse(text));
    } catch (error) {
      return void logger.warn({ err: error }, 'unreadable presence exchange message');
    }
    receive(message);
  });
  await subscriber.subscribe(channel);
  publish({ kind: 'hello', from: self });
  cancelHeartbeat = clock.setTimer(heartbeat, heartbeatMs);

  return {
    ownChanged(roomId, entries) {
      if (closed) return;
      board.setOwn(roomId, entries);
      publishList(roomId, entries);
      changed(roomId);
    },
    async close() {
      if (closed) return;
      closed = true;
      cancelHeartbeat();
      for (const { timer } of throttle.values()) clearTimeout(timer);
      throttle.clear();
      await redis.publish(channel, JSON.stringify({ kind: 'bye', from: self } satisfies PresenceMessage)).catch(() => undefined);
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
