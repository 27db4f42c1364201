import type { Server } from 'socket.io';
import { systemClock, type WallClock } from '../access/wall-clock.js';
import type { AccessService } from '../access/access-service.js';
import type { Config } from '../config.js';
import type { Logger } from '../ops/logger.js';
import type { RoomService } from '../rooms/room-service.js';
import type { PostgresStore } from '../store/postgres.js';
import type { Store } from '../store/types.js';
import { alwaysLeader, type Leadership } from './leadership.js';
import { PgLeadership } from './pg-leadership.js';
import { PgRoomFeed, RemoteAppendFollower } from './pg-room-feed.js';
import { attachRedisFanOut, redisNamespace } from './redis-fanout.js';
import { sharePresence, type PresenceExchange } from './presence-exchange.js';
import { redisDocRelay, type DocRelay } from './yjs-relay.js';
import { relayRevocations } from './revocation-relay.js';

export interface ClusterDeps {
  config: Config;
  store: Store;
  io: Server;
  rooms: RoomService;
  access: AccessService;
  logger: Logger;
  /** Times the presence heartbeats and expiries (a test's fake clock). */
  clock?: WallClock;
}

/** How this instance lives among others: alone (SQLite), or one of several sharing PostgreSQL and Redis. */
export interface Cluster {
  leadership: Leadership;
  /** Set when sockets are spread over instances (Redis): presence lists are exchanged between them. */
  presence?: PresenceExchange;
  /** Set with Redis: Yjs updates and presence of documents, between instances. */
  docRelay?: DocRelay;
  /** Starts following other instances and competing for leadership; call once the server is fully wired. */
  activate(): Promise<void>;
  close(): Promise<void>;
}

const isPostgres = (store: Store): store is PostgresStore => store.kind === 'postgres';

/**
 * Wires the instance into its cluster. On SQLite (one machine, the default) nothing changes: the instance
 * is always the leader and follows no one. On PostgreSQL it follows the appends of the other instances
 * (LISTEN/NOTIFY → `refresh` of the live room, whose listeners broadcast to this instance's sockets) and
 * competes for leadership; with REDIS_URL, socket.io spans the instances through Redis streams, and the Yjs
 * documents, the revocations (which close Yjs connections) and each instance's presence lists are relayed
 * between them through Redis pub/sub.
 */
export async function createCluster({ config, store, io, rooms, access, logger, clock = systemClock }: ClusterDeps): Promise<Cluster> {
  if (!isPostgres(store)) {
    if (config.REDIS_URL) logger.warn('REDIS_URL ignored: SQLite serves a single instance (STORE=postgres for several)');
    return { leadership: alwaysLeader, activate: async () => undefined, close: async () => undefined };
  }
  const namespace = redisNamespace(store.schema);
  const fanOut = config.REDIS_URL ? await attachRedisFanOut(io, config.REDIS_URL, namespace, logger) : null;
  const docRelay = fanOut ? await redisDocRelay(fanOut.redis, namespace, logger) : null;
  const revocations = fanOut ? await relayRevocations(fanOut.redis, namespace, access, logger) : null;
  const presence = fanOut ? await sharePresence({ redis: fanOut.redis, io, namespace, clock, logger }) : null;
  if (!fanOut) logger.warn('STORE=postgres without REDIS_URL: run a single instance (presence and revocations would not cross instances)');
  if (!config.OPERATOR_TOKEN) logger.warn('OPERATOR_TOKEN is not set: each instance generates its own operator token');

  const follower = new RemoteAppendFollower(async (roomId) => {
    const runtime = await rooms.get(roomId);
    return { seq: () => runtime.state.seq, refresh: () => runtime.refresh() };
  }, logger);
  const resyncAll = () => {
    void rooms.liveRooms().then((live) => {
      for (const runtime of live) follower.announce(runtime.id, Number.POSITIVE_INFINITY);
    });
  };
  const feed = new PgRoomFeed(store, follower.announce, resyncAll, logger);
  const leadership = new PgLeadership(store, logger);
  // A new leader drives every room, including those created on other instances and never opened here.
  leadership.onChange((leader) => {
    if (leader) rooms.loadAll().catch((error: unknown) => logger.error({ err: error }, 'new leader could not load the rooms'));
  });

  return {
    leadership,
    ...(presence ? { presence } : {}),
    ...(docRelay ? { docRelay } : {}),
    async activate() {
      await feed.start();
      await leadership.start();
    },
    async close() {
      follower.stop();
      await feed.stop();
      await leadership.stop();
      await docRelay?.close();
      await revocations?.close();
      // Before the shared connection closes: the goodbye travels on it.
      await presence?.close();
      await fanOut?.close();
    },
  };
}
