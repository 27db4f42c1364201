import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Redis } from 'ioredis';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { decodeRelayFrame, encodeRelayFrame } from '../../server/cluster/yjs-relay.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, waitFor, type StockClient } from '../collab/yjs-clients.js';
import { createClusterEnv, type ClusterEnv } from './cluster-env.js';
import { TEST_REDIS_URL } from '../store/pg-env.js';

describe('Yjs documents across two instances (Redis relay)', () => {
  let cluster: ClusterEnv;
  let a: TestServer;
  let b: TestServer;
  let room: TestRoom;
  const clients: StockClient[] = [];
  /** A stock y-websocket client on one instance (the room's url is where the test created it). */
  const open = async (server: TestServer, token: string) => {
    const client = await openMainCourante({ ...room, url: server.url }, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    cluster = await createClusterEnv();
    a = await startServer({ env: cluster.env });
    b = await startServer({ env: cluster.env });
    room = await createRoom(a.url, { title: 'Main courante répartie' });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await a?.close();
    await b?.close();
    await cluster?.cleanup();
  });

  it('frames carry a document message intact', () => {
    const payload = new Uint8Array([0, 1, 255, 128]);
    const frame = encodeRelayFrame('instance-1', { kind: 'awareness', roomId: 'salle', docName: 'comms-d1', payload });
    expect(decodeRelayFrame(frame)).toEqual({ from: 'instance-1', message: { kind: 'awareness', roomId: 'salle', docName: 'comms-d1', payload } });
  });

  it('editors on different instances converge live; each update is stored and mirrored once', async () => {
    // Two people of the same cell: a player corrects only her own cell's entries.
    const [arsToken, colleagueToken] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'ars', 'Bruno ARS')];
    const [onA, onB] = [await open(a, arsToken), await open(b, colleagueToken)];
    const first = entry(await authorOf(a, arsToken), 'Le CH d’Évreux signale un rançongiciel.');
    appendEntries(onA.doc, [first]);
    await waitFor(() => entriesOf(onB.doc).length === 1, 5000, 'entry relayed to B');
    // Written on B about an entry accepted on A: B's server must know it (correction of an entry it never received from a client).
    appendEntries(onB.doc, [entry(await authorOf(b, colleagueToken), 'COD activé.', { corrects: first.id })]);
    await waitFor(() => entriesOf(onA.doc).length === 2, 5000, 'entry relayed to A');
    await waitFor(() => [onA, onB].every((c) => readEntries(c.doc).every((e) => e.receipt !== null)), 5000, 'receipts');
    expect(onB.closes).toEqual([]);
    expect(readEntries(onA.doc)).toEqual(readEntries(onB.doc));

    // Persisted once, by the instance that received the edit; mirrored once into the room log.
    expect(await a.server.store.docs.loadUpdates(room.roomId, 'main-courante')).toHaveLength(2);
    // The mirror into the log follows the durable store and the broadcast: wait for it, then check it is single.
    const mirrored = async () => (await a.server.store.events.read(room.roomId)).filter((e) => e.type === 'mainCourante.entryAdded');
    await expect.poll(async () => (await mirrored()).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    await sleep(200);
    expect(await mirrored()).toHaveLength(2);

    // A newcomer on either instance gets the same document.
    const late = await open(b, await tokenFor(room, 'observer'));
    expect(readEntries(late.doc)).toEqual(readEntries(onA.doc));
  });

  it('after the relay was interrupted, open documents catch up from PostgreSQL', async () => {
    const token = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    const onB = await open(b, token);
    // Stored by an instance whose relay message never arrived (Redis restarting): only the store has it.
    const elsewhere = new Y.Doc();
    for (const u of await a.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(elsewhere, u);
    const lost: Uint8Array[] = [];
    elsewhere.on('update', (u: Uint8Array) => lost.push(u));
    appendEntries(elsewhere, [entry(await authorOf(a, token), 'Écrit pendant la coupure de Redis.')]);
    await a.server.store.docs.appendUpdate(room.roomId, 'main-courante', lost[0]!);

    const redis = new Redis(TEST_REDIS_URL);
    try {
      const list = String(await redis.call('CLIENT', 'LIST'));
      const ids = [...list.matchAll(/id=(\d+) [^\n]*name=(\S+)/g)].filter(([, , name]) => name === `orsan:${cluster.schema.schema}:yjs-relay`).map(([, id]) => id!);
      expect(ids).toHaveLength(2);
      for (const id of ids) await redis.call('CLIENT', 'KILL', 'ID', id);
    } finally {
      redis.disconnect();
    }
    await waitFor(
      () =>
        entriesOf(onB.doc)
          .toArray()
          .some((e) => e.text === 'Écrit pendant la coupure de Redis.'),
      5000,
      'caught up from the store',
    );
  });

  it('presence (awareness) crosses instances, and leaves with its peer', async () => {
    const [ta, tb] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture')];
    const onA = stockClient(a.url, room.roomId, 'main-courante', ta);
    const onB = stockClient(b.url, room.roomId, 'main-courante', tb);
    clients.push(onA, onB);
    await Promise.all([onA.whenSynced(), onB.whenSynced()]);
    onA.provider.awareness.setLocalStateField('user', { name: 'usurpé', color: '#00aa00' });
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID) !== undefined, 5000, 'awareness relayed');
    const seen = onB.provider.awareness.getStates().get(onA.doc.clientID) as { user: { name: string; cell: string } };
    expect(seen.user).toMatchObject({ name: 'Alice ARS', cell: 'ars' });
    onA.provider.disconnect();
    await waitFor(() => onB.provider.awareness.getStates().get(onA.doc.clientID) === undefined, 5000, 'awareness removed');
  });
});
