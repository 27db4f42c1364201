import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../shared/core/limits.js';
import type { RoomState } from '../../shared/room-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, secondDirectorToken, tokenFor, type TestClient } from '../helpers/room.js';
import { logFingerprint, until } from './support.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

const seqs = (client: TestClient) => client.events.map((e) => e.seq);
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe('reconnect', () => {
  it('catches a client up with exactly the events it missed: no gap, no duplicate', async () => {
    const room = await createRoom(srv.url);
    // Two director sessions: 50 commands at once would exceed one session's burst allowance.
    const senders = [await joinAs(room, 'director'), await connect(srv.url, await secondDirectorToken(room))];
    const token = await tokenFor(room, 'player', 'prefecture');
    const player = await connect(srv.url, token);
    await senders[0]!.send('room.announce', { text: 'avant la coupure' });
    await player.waitForEvent((e) => e.type === 'room.announced');
    const lastSeen = player.events.at(-1)!.seq;
    expect(seqs(player)).toEqual(range(1, lastSeen));
    player.socket.io.engine.close(); // the network drops: no clean disconnect from the client

    const acks = await Promise.all(range(1, 50).map((i) => senders[i % 2]!.send('room.announce', { text: `pendant la coupure ${i}` })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const missed = acks.map((a) => (a.ok ? a.seq : -1)).sort((a, b) => a - b);
    expect(missed).toEqual(range(lastSeen + 1, 50));

    const back = await connect(srv.url, token, lastSeen);
    expect(back.welcome.catchUp).toMatchObject({ kind: 'events', headSeq: lastSeen + 50 });
    expect(seqs(back)).toEqual(missed);
    await senders[0]!.send('room.announce', { text: 'après la reconnexion' });
    await back.waitForEvent((e) => e.seq === lastSeen + 51);
    expect(seqs(back)).toEqual(range(lastSeen + 1, 51));
    for (const c of [...senders, back]) c.close();
  });

  it('sends a snapshot, filtered for the audience, to a client too far behind', async () => {
    const room = await createRoom(srv.url);
    const runtime = await srv.server.rooms.get(room.roomId);
    const batch = limits.maxCatchUpEvents + 1;
    await runtime.appendSystem(() => Array.from({ length: batch }, (_, i) => ({ type: 'room.announced', payload: { text: `n°${i}` }, visibility: 'all' as const })));
    await runtime.appendSystem(() => [{ type: 'room.renamed', payload: { title: 'Titre secret' }, visibility: 'director' }]);

    const token = await tokenFor(room, 'player', 'ars');
    const far = await connect(srv.url, token, 1);
    expect(far.welcome.catchUp.kind).toBe('snapshot');
    expect(far.welcome.catchUp.headSeq).toBe(runtime.state.seq);
    expect(far.events).toEqual([]);
    const state = (far.welcome.catchUp as { state: RoomState }).state;
    expect(state.room.announcement?.text).toBe(`n°${batch - 1}`);
    expect(state.room.title).toBe('Salle de test');
    expect(runtime.state.room.title).toBe('Titre secret');

    // Exactly at the limit, the events themselves still come.
    const near = await connect(srv.url, token, runtime.state.seq - limits.maxCatchUpEvents);
    expect(near.welcome.catchUp.kind).toBe('events');
    expect(near.events.at(-1)!.type).toBe('room.announced');
    expect(near.events).toHaveLength(limits.maxCatchUpEvents - 1);
    far.close();
    near.close();
  });

  it('sends a snapshot to a client claiming a seq beyond the head (a log from another server)', async () => {
    const room = await createRoom(srv.url);
    const client = await connect(srv.url, room.directorToken, 10_000);
    expect(client.welcome.catchUp).toMatchObject({ kind: 'snapshot', headSeq: (await srv.server.rooms.get(room.roomId)).state.seq });
    client.close();
  });

  it('does not append a command twice when it is resent after a lost ack', async () => {
    const room = await createRoom(srv.url);
    const director = await joinAs(room, 'director');
    const id = randomUUID();
    const first = await director.send('room.announce', { text: 'une seule fois' }, id);
    expect(first).toEqual({ ok: true, seq: expect.any(Number) });
    const before = await logFingerprint(srv.server, room.roomId);
    director.close();

    const again = await connect(srv.url, room.directorToken, before.length);
    const resent = await again.send('room.announce', { text: 'une seule fois' }, id);
    expect(resent).toEqual({ ok: true, seq: (first as { seq: number }).seq, duplicate: true });
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
    await new Promise((r) => setTimeout(r, 50));
    expect(again.events).toEqual([]);

    // Concurrent resends (two tabs racing) still append once.
    const racing = randomUUID();
    const acks = await Promise.all([again.send('room.rename', { title: 'Course' }, racing), again.send('room.rename', { title: 'Course' }, racing)]);
    expect(acks.map((a) => a.ok && a.seq)).toEqual([before.length + 1, before.length + 1]);
    expect(acks.filter((a) => a.ok && a.duplicate)).toHaveLength(1);
    await until(() => again.events.length === 1);
    expect((await logFingerprint(srv.server, room.roomId)).length).toBe(before.length + 1);
    again.close();
  });
});
