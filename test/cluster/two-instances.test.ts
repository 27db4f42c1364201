import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { RoomEvent } from '../../shared/core/events.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import type { TestServer } from '../helpers/server.js';
import { connect, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { eventually, twoInstancesWithRoom, type ClusterEnv, trackedJoin } from './cluster-env.js';
import { TEST_DATABASE_URL } from '../store/pg-env.js';

const announced = (client: TestClient, afterSeq = 0) => client.events.filter((e) => e.type === 'room.announced' && e.seq > afterSeq);
const textOf = (e: RoomEvent) => (e.payload as { text: string }).text;

describe('two instances on one PostgreSQL and one Redis', () => {
  let cluster: ClusterEnv;
  let a: TestServer;
  let b: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  const join = trackedJoin(clients);

  twoInstancesWithRoom((f) => ({ cluster, a, b, room } = f), { clients });

  it('exactly one instance leads (drives the clocks and timers)', async () => {
    await eventually(() => a.server.leadership.isLeader() !== b.server.leadership.isLeader(), 'one leader');
    expect([a, b].filter((s) => s.server.leadership.isLeader())).toHaveLength(1);
  });

  it('clients on different instances see each other’s commands, and presence spans both', async () => {
    const directorOnA = await join(a, room.directorToken);
    const arsOnB = await join(b, await tokenFor(room, 'player', 'ars', 'Agent ARS'));
    expect((await directorOnA.send('room.announce', { text: 'Point de situation à 10 h 30' })).ok).toBe(true);
    const seen = await arsOnB.waitForEvent((e) => e.type === 'room.announced');
    expect(textOf(seen)).toBe('Point de situation à 10 h 30');

    expect((await arsOnB.send('participant.checkIn')).ok).toBe(true);
    const checkIn = await directorOnA.waitForEvent((e) => e.type === 'participant.checkedIn');
    expect(checkIn.payload).toMatchObject({ name: 'Agent ARS', cell: 'ars' });

    // The director's presence list counts the player connected to the other instance.
    await eventually(() => (directorOnA.presence.at(-1)?.participants ?? []).some((p) => p.name === 'Agent ARS'), 'presence across instances');
  });

  it('concurrent commands from both instances: one gapless sequence, one chain, the same order everywhere', async () => {
    const [directorA, directorB] = [await join(a, room.directorToken), await join(b, room.directorToken)];
    const observerToken = await tokenFor(room, 'observer');
    const [observerA, observerB] = [await join(a, observerToken), await join(b, observerToken)];
    const head = await a.server.store.events.headSeq(room.roomId);
    const burst = (client: TestClient, who: string) => Array.from({ length: 25 }, (_, i) => client.send('room.announce', { text: `${who}-${i}` }));
    const acks = await Promise.all([...burst(directorA, 'A'), ...burst(directorB, 'B')]);
    expect(acks.every((ack) => ack.ok)).toBe(true);

    const log = await b.server.store.events.read(room.roomId);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: log.length }, (_, i) => i + 1));
    expect(verifyChain(log, await b.server.store.events.chainSalt(room.roomId))).toBeNull();
    const appended = log.filter((e) => e.seq > head);
    expect(appended).toHaveLength(50);
    expect(new Set(acks.map((ack) => ack.ok && ack.seq)).size).toBe(50);

    // Every observer, whichever its instance, gets all 50 events once, in log order.
    for (const observer of [observerA, observerB]) {
      await eventually(() => announced(observer, head).length >= 50, 'all announcements delivered');
      await new Promise((r) => setTimeout(r, 100));
      expect(announced(observer, head).map((e) => e.seq)).toEqual(appended.map((e) => e.seq));
      expect(announced(observer, head).map(textOf)).toEqual(appended.map(textOf));
    }
    // Both instances hold the same state.
    const [runtimeA, runtimeB] = [await a.server.rooms.get(room.roomId), await b.server.rooms.get(room.roomId)];
    await eventually(() => runtimeA.state.seq === log.length && runtimeB.state.seq === log.length, 'both instances caught up');
    expect(runtimeB.state).toEqual(runtimeA.state);
  });

  it('a client that reconnects to the other instance gets exactly what it missed', async () => {
    const observerToken = await tokenFor(room, 'observer');
    const first = await join(a, observerToken);
    const lastSeq = first.welcome.catchUp.headSeq;
    first.close();
    const director = await join(b, room.directorToken);
    for (const text of ['pendant la coupure 1', 'pendant la coupure 2']) expect((await director.send('room.announce', { text })).ok).toBe(true);
    const again = await connect(a.url, observerToken, lastSeq);
    clients.push(again);
    expect(again.events.map(textOf)).toEqual(['pendant la coupure 1', 'pendant la coupure 2']);
    expect(again.events[0]!.seq).toBe(lastSeq + 1);
  });

  it('an instance whose PostgreSQL notification session drops reconnects and catches up on what it missed', async () => {
    const observerOnB = await join(b, await tokenFor(room, 'observer'));
    const director = await join(a, room.directorToken);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1`, [`LISTEN "orsan_events_${cluster.schema.schema}"`]);
      expect(rowCount).toBe(2);
    } finally {
      await admin.end();
    }
    // Announced while nobody listens: only the resynchronisation after reconnecting can bring it to B.
    expect((await director.send('room.announce', { text: 'pendant la coupure du flux' })).ok).toBe(true);
    const seen = await observerOnB.waitForEvent((e) => e.type === 'room.announced' && textOf(e) === 'pendant la coupure du flux', 8000);
    expect(seen.seq).toBe(await a.server.store.events.headSeq(room.roomId));
  });

  it('revoking a session on one instance disconnects its sockets on the other', async () => {
    const token = await tokenFor(room, 'player', 'prefecture', 'Agent préfecture');
    const onB = await join(b, token);
    const sessionId = onB.welcome.me.sessionId;
    const revokedOnB = new Promise<void>((resolve) => onB.socket.once('disconnect', () => resolve()));
    const res = await a.api('DELETE', `/api/rooms/${room.roomId}/sessions/${sessionId}`, undefined, room.directorToken);
    expect(res.status).toBe(200);
    await revokedOnB;
    expect(onB.socket.connected).toBe(false);
  });
});
