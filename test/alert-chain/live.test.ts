import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { reduceEvents } from '../../shared/domain.js';
import { initialRoomState } from '../../shared/room-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';

/** The alert chain as a client sees it: its events reduced with the shared reducer, as the browser does. */
const chainOf = (client: TestClient) => reduceEvents(initialRoomState(''), client.events as RoomEvent[]).alertChain;

async function caughtUp(clients: TestClient[], seq: number): Promise<void> {
  await Promise.all(clients.map((c) => c.waitForEvent((e) => e.seq >= seq).catch(() => undefined)));
}

describe('live alert chain across cells', () => {
  let srv: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let arsCell: TestClient;
  let prefectureCell: TestClient;

  beforeAll(async () => {
    srv = await startServer();
    room = await createRoom(srv.url);
    director = await connect(srv.url, room.directorToken);
    arsCell = await joinAs(room, 'player', 'ars');
    prefectureCell = await joinAs(room, 'player', 'prefecture');
    expect(await director.send('clock.start')).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    for (const c of [director, arsCell, prefectureCell]) c?.close();
    await srv?.close();
  });

  /** Sends a command and checks that every client then holds the same chain as the server. */
  async function sendAndCompare(client: TestClient, type: string, payload: unknown) {
    const ack = await client.send(type, payload);
    if (ack.ok) await caughtUp([director, arsCell, prefectureCell], ack.seq);
    const runtime = await srv.server.rooms.get(room.roomId);
    const server = runtime.state.alertChain;
    expect(chainOf(arsCell)).toEqual(server);
    expect(chainOf(prefectureCell)).toEqual(server);
    expect(chainOf(director)).toEqual(server);
    return ack;
  }

  it('starts every room with the default chain, shared by all', async () => {
    const runtime = await srv.server.rooms.get(room.roomId);
    expect(runtime.state.alertChain.defined).toBe(true);
    expect(chainOf(prefectureCell).links.some((l) => l.id === 'ars-prefecture')).toBe(true);
  });

  it('shows every cell the same chain after each command, refusals included', async () => {
    const alert = { linkId: 'ars-prefecture', message: 'Cyberattaque au CH : demande de point COD à 11 h.' };
    expect(await sendAndCompare(prefectureCell, 'alertChain.acknowledge', { linkId: 'ars-prefecture' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await sendAndCompare(prefectureCell, 'alertChain.alert', alert)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await sendAndCompare(arsCell, 'alertChain.alert', alert)).toMatchObject({ ok: true });
    expect(chainOf(prefectureCell).links.find((l) => l.id === 'ars-prefecture')?.status).toBe('alerte');
    expect(await sendAndCompare(arsCell, 'alertChain.alert', alert)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await sendAndCompare(prefectureCell, 'alertChain.acknowledge', { linkId: 'ars-prefecture' })).toMatchObject({ ok: true });
    expect(chainOf(arsCell).links.find((l) => l.id === 'ars-prefecture')?.status).toBe('accuse');
    expect(await sendAndCompare(director, 'alertChain.alert', { linkId: 'etab-ars-astreinte', message: 'Appel du directeur de garde' })).toMatchObject({ ok: true });
    expect(await sendAndCompare(arsCell, 'alertChain.correct', { linkId: 'ars-prefecture', note: 'Appel doublé d’un courriel au SIDPC.' })).toMatchObject({ ok: true });
  });

  it('serves the measures to any participant, as CSV and JSON, and to no one else', async () => {
    const csv = await fetch(`${srv.url}/api/rooms/${room.roomId}/alert-chain/measures.csv`, { headers: { authorization: `Bearer ${prefectureCell.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toMatch(/^\uFEFF?Lien;Émetteur;Destinataire/);
    expect(text.split('\r\n').find((l) => l.startsWith('ars-prefecture;'))).toContain('Cyberattaque au CH');
    const json = await srv.api('GET', `/api/rooms/${room.roomId}/alert-chain/measures`, undefined, arsCell.token);
    expect(json.body.actors.find((a: { actorId: string }) => a.actorId === 'prefecture').alertedAt).toBeGreaterThanOrEqual(0);
    expect((await srv.api('GET', `/api/rooms/${room.roomId}/alert-chain/measures.csv`)).status).toBe(401);
    const other = await createRoom(srv.url);
    expect((await srv.api('GET', `/api/rooms/${other.roomId}/alert-chain/measures.csv`, undefined, arsCell.token)).status).toBe(403);
  });
});
