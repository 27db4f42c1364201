import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visibility } from '../../shared/core/visibility.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
import { until } from './support.js';

let srv: TestServer;

beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

describe('commands are broadcast to their room only', () => {
  it('accepts a command, acks its seq, and sends the event to every participant of that room and nobody else', async () => {
    const [north, south] = [await createRoom(srv.url, { title: 'Nord' }), await createRoom(srv.url, { title: 'Sud' })];
    const inNorth = [await joinAs(north, 'director'), await joinAs(north, 'player', 'ars'), await joinAs(north, 'observer')];
    const inSouth = [await joinAs(south, 'director'), await joinAs(south, 'player', 'ars'), await joinAs(south, 'evaluator')];
    const southBefore = inSouth.map((c) => c.events.length);

    const ack = await inNorth[0]!.send('room.announce', { text: 'Point de situation à 10 h' });
    expect(ack).toEqual({ ok: true, seq: expect.any(Number) });
    for (const client of inNorth) {
      const event = await client.waitForEvent((e) => e.type === 'room.announced');
      expect(event).toMatchObject({ roomId: north.roomId, seq: (ack as { seq: number }).seq, payload: { text: 'Point de situation à 10 h' } });
    }

    const southAck = await inSouth[0]!.send('room.announce', { text: 'Message du Sud' });
    expect(southAck.ok).toBe(true);
    // Each socket gets events in emission order: a North event leaking to the South would arrive before this one.
    for (const client of inSouth) await client.waitForEvent((e) => e.type === 'room.announced');

    expect(inSouth.map((c) => c.events.length)).toEqual(southBefore.map((n) => n + 1));
    for (const client of inSouth) expect(client.events.every((e) => e.roomId === south.roomId)).toBe(true);
    for (const client of inNorth) expect(client.events.every((e) => e.roomId === north.roomId)).toBe(true);
    for (const client of [...inNorth, ...inSouth]) client.close();
  });
});

describe('events are filtered per audience', () => {
  let room: TestRoom;
  let clients: Record<'director' | 'ars' | 'prefecture' | 'evaluator' | 'observer', TestClient>;

  beforeAll(async () => {
    room = await createRoom(srv.url);
    clients = {
      director: await joinAs(room, 'director'),
      ars: await joinAs(room, 'player', 'ars'),
      prefecture: await joinAs(room, 'player', 'prefecture'),
      evaluator: await joinAs(room, 'evaluator'),
      observer: await joinAs(room, 'observer'),
    };
  });
  afterAll(() => Object.values(clients).forEach((c) => c.close()));

  /** Appends one `test.secret` event with `visibility` through the runtime, then a public marker event. */
  async function appendWithMarker(visibility: Visibility, tag: string): Promise<void> {
    const runtime = await srv.server.rooms.get(room.roomId);
    await runtime.appendSystem(() => [{ type: 'test.secret', payload: { tag }, visibility }]);
    await runtime.appendSystem(() => [{ type: 'test.marker', payload: { tag }, visibility: 'all' }]);
    // Events reach a socket in seq order: once the marker is there, the secret would have arrived before it.
    await until(() => Object.values(clients).every((c) => c.events.some((e) => e.type === 'test.marker' && (e.payload as { tag: string }).tag === tag)));
  }

  const receivers = (tag: string) =>
    Object.entries(clients)
      .filter(([, c]) => c.events.some((e) => e.type === 'test.secret' && (e.payload as { tag: string }).tag === tag))
      .map(([name]) => name)
      .sort();

  it.each([
    ['director', 'director', ['director']],
    ['staff', 'staff', ['director', 'evaluator']],
    ['cells ars', { cells: ['ars'] }, ['ars', 'director', 'evaluator', 'observer']],
    ['cells prefecture', { cells: ['prefecture'] }, ['director', 'evaluator', 'observer', 'prefecture']],
    ['all', 'all', ['ars', 'director', 'evaluator', 'observer', 'prefecture']],
  ] as const)('visibility %s reaches exactly its audiences', async (tag, visibility, expected) => {
    await appendWithMarker(visibility as Visibility, tag);
    expect(receivers(tag)).toEqual([...expected].sort());
  });

  it('never puts a director-only event in a player catch-up or snapshot', async () => {
    const runtime = await srv.server.rooms.get(room.roomId);
    await runtime.appendSystem(() => [{ type: 'test.secret', payload: { tag: 'late' }, visibility: 'director' }]);
    const lateArs = await joinAs(room, 'player', 'ars');
    expect(lateArs.welcome.catchUp.kind).toBe('events');
    expect(lateArs.events.filter((e) => e.type === 'test.secret').map((e) => e.visibility)).toEqual([{ cells: ['ars'] }, 'all']);
    const lateDirector = await joinAs(room, 'director');
    expect(lateDirector.events.filter((e) => e.type === 'test.secret')).toHaveLength(6);

    const rest = await srv.api('GET', `/api/rooms/${room.roomId}/state`, undefined, lateArs.token);
    expect(rest.status).toBe(200);
    expect(rest.body.headSeq).toBe(runtime.state.seq);
    lateArs.close();
    lateDirector.close();
  });
});
