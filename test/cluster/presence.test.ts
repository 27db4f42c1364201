import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { PresenceEntry } from '../../shared/protocol.js';
import { redisNamespace } from '../../server/cluster/redis-fanout.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { TEST_REDIS_URL } from '../store/pg-env.js';
import { createClusterEnv, eventually, twoInstancesWithRoom, type ClusterEnv, trackedJoin } from './cluster-env.js';

/** The last presence list a client received (empty before the first). */
const listOf = (client: TestClient): PresenceEntry[] => client.presence.at(-1)?.participants ?? [];
const entryOf = (client: TestClient, sessionId: string) => listOf(client).find((p) => p.sessionId === sessionId);
const names = (client: TestClient) => listOf(client).map((p) => p.name);
/** The heartbeat and expiry the instances run with (server/cluster/presence-exchange.ts). */
const HEARTBEAT_MS = 5000;

/** A raw Redis client on the cluster's presence channel, for what the instances publish and for forged messages. */
async function presenceChannel(cluster: ClusterEnv): Promise<{ channel: string; publisher: Redis; heard: unknown[]; close(): void }> {
  const channel = `${redisNamespace(cluster.schema.schema)}:presence`;
  const publisher = new Redis(TEST_REDIS_URL);
  const listener = new Redis(TEST_REDIS_URL);
  const heard: unknown[] = [];
  // Forged messages are heard too: kept as text when they are not JSON.
  listener.on('message', (_channel: string, text: string) => {
    try {
      heard.push(JSON.parse(text));
    } catch {
      heard.push(text);
    }
  });
  await listener.subscribe(channel);
  return {
    channel,
    publisher,
    heard,
    close() {
      publisher.disconnect();
      listener.disconnect();
    },
  };
}

describe('presence across two instances (per-instance lists over Redis)', () => {
  let cluster: ClusterEnv;
  let a: TestServer;
  let b: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  const join = trackedJoin(clients);
  twoInstancesWithRoom((f) => ({ cluster, a, b, room } = f), { clients, captureLogs: true });

  it('a person connected to B is on the director’s list on A, and a session on both counts its sockets on both', async () => {
    const directorOnA = await join(a, room.directorToken);
    const directorOnB = await join(b, room.directorToken);
    const arsOnB = await join(b, await tokenFor(room, 'player', 'ars', 'Agent ARS'));
    const directorId = directorOnA.welcome.me.sessionId;
    const arsId = arsOnB.welcome.me.sessionId;

    for (const client of [directorOnA, directorOnB, arsOnB]) {
      await eventually(() => entryOf(client, directorId)?.connections === 2 && entryOf(client, arsId)?.connections === 1, 'merged list on every client');
    }
    expect(entryOf(directorOnA, arsId)).toMatchObject({ name: 'Agent ARS', role: 'player', cell: 'ars' });
    expect(listOf(directorOnA)).toHaveLength(2);

    // A disconnection on B disappears from A; the director's socket there no longer counts.
    arsOnB.close();
    directorOnB.close();
    await eventually(() => entryOf(directorOnA, arsId) === undefined && entryOf(directorOnA, directorId)?.connections === 1, 'B’s departures seen on A');
    directorOnA.close();
  });

  it('a storm of 100 connections on both instances: few presence messages per client, and a final list with everyone', async () => {
    const watcherOnA = await join(a, room.directorToken);
    const watcherOnB = await join(b, await tokenFor(room, 'observer', undefined, 'Observatrice B'));
    const tokens = await Promise.all(Array.from({ length: 100 }, (_, i) => tokenFor(room, 'observer', undefined, `Foule ${i}`)));
    await eventually(() => names(watcherOnA).includes('Observatrice B') && names(watcherOnB).includes('Directrice'), 'watchers see each other');
    const before = [watcherOnA.presence.length, watcherOnB.presence.length] as const;
    const raw = await presenceChannel(cluster);

    const startedAt = Date.now();
    await Promise.all(tokens.map((token, i) => join(i % 2 === 0 ? a : b, token)));
    const everyone = (client: TestClient) => listOf(client).length === 102 && listOf(client).every((p) => p.connections === 1);
    await eventually(() => everyone(watcherOnA) && everyone(watcherOnB), 'everyone on both watchers’ lists', 20_000);
    const elapsed = Date.now() - startedAt;

    const lists = (raw.heard as Array<{ kind?: string; entries?: unknown[] }>).filter((m) => m.kind === 'list');
    raw.close();

    // Each instance published its own list (its 51 people at most), once per coalesced change.
    expect(lists.length).toBeGreaterThan(0);
    expect(Math.max(...lists.map((m) => m.entries?.length ?? 0))).toBeLessThanOrEqual(51);
    // The old design sent every client one message per change of any instance (each after a cluster-wide
    // fetchSockets): as many as the lists published here. Now a socket gets at most one per room and 100 ms
    // window (plus the leading one), changes of both instances merged.
    const received = [watcherOnA.presence.length - before[0], watcherOnB.presence.length - before[1]];
    for (const count of received) {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
      expect(count).toBeLessThan(lists.length);
    }
    for (const client of clients.splice(0)) client.close();
  });

  it('a malformed message on the channel is logged and ignored; the instances keep serving', async () => {
    const raw = await presenceChannel(cluster);
    try {
      const forged = [
        'pas du JSON',
        JSON.stringify({ kind: 'list', from: 'intrus', seq: 1, roomId: room.roomId }),
        JSON.stringify({ kind: 'list', from: 'intrus', seq: 1, roomId: room.roomId, entries: [{ sessionId: 's', name: 'Intrus', role: 'roi', connections: 1 }] }),
        JSON.stringify({ kind: 'list', from: 'intrus', seq: -1, roomId: room.roomId, entries: [] }),
        JSON.stringify({ kind: 'goodbye', from: 'intrus' }),
        JSON.stringify(null),
      ];
      const warnings = () => a.logs.filter((line) => line.msg === 'unreadable presence exchange message').length;
      const warned = warnings();
      for (const text of forged) await raw.publisher.publish(raw.channel, text);
      await eventually(() => warnings() - warned === forged.length, 'every forged message logged');

      const director = await join(a, room.directorToken);
      await join(b, await tokenFor(room, 'observer', undefined, 'Arrivée après'));
      await eventually(() => names(director).includes('Arrivée après'), 'presence still crosses instances');
      expect(names(director)).not.toContain('Intrus');
    } finally {
      raw.close();
    }
  });

  it('an instance that stops cleanly says goodbye: its people leave the other lists at once', async () => {
    const raw = await presenceChannel(cluster);
    const third = await startServer({ env: cluster.env });
    try {
      const director = await join(a, room.directorToken);
      clients.push(await connect(third.url, await tokenFor(room, 'observer', undefined, 'Sur la troisième')));
      await eventually(() => names(director).includes('Sur la troisième'), 'the third instance’s participant on A');
      await third.close();
      await eventually(() => raw.heard.some((m) => (m as { kind?: unknown }).kind === 'bye'), 'a goodbye on the channel');
      await eventually(() => !names(director).includes('Sur la troisième'), 'gone from A');
      // Stopping one instance closes its own sockets only.
      expect(director.socket.connected).toBe(true);
    } finally {
      raw.close();
    }
  });
});

describe('presence of an instance that dies without a goodbye', () => {
  const clock = new FakeClock();
  let cluster: ClusterEnv;
  let a: TestServer;
  let dying: ServerProcess;
  let room: TestRoom;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    cluster = await createClusterEnv();
    a = await startServer({ env: cluster.env, clock });
    dying = await startServerProcess({ env: cluster.env });
    room = await createRoom(a.url, { title: 'Salle et instance perdue' });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await dying?.kill9();
    await dying?.stop();
    await a?.close();
    await cluster?.cleanup();
  });

  it('is forgotten once its lists go unheard for three heartbeats', async () => {
    const director = await connect(a.url, room.directorToken);
    clients.push(director);
    clients.push(await connect(dying.url, await tokenFor(room, 'player', 'ars', 'Agent ARS')));
    await eventually(() => names(director).includes('Agent ARS'), 'the other instance’s participant on A');

    // `kill -9`: no goodbye, its sockets never disconnect on A's side; only the silence tells.
    await dying.kill9();
    clock.advance(2 * HEARTBEAT_MS);
    await new Promise((r) => setTimeout(r, 300));
    expect(names(director)).toContain('Agent ARS');

    clock.advance(2 * HEARTBEAT_MS);
    await eventually(() => !names(director).includes('Agent ARS'), 'the dead instance’s participant dropped');
    expect(names(director)).toEqual(['Directrice']);
  });
});
