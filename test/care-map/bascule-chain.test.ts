import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { reduceEvents } from '../../shared/domain.js';
import { initialRoomState } from '../../shared/room-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';

/** Évreux's Samu, the one the Normandie scenario expects to switch its calls. */
const evreux = '270000359';
const chainOf = (client: TestClient) => reduceEvents(initialRoomState(''), client.events).alertChain;

describe('a bascule on the care map is the alert chain’s SAMU → SAMU voisin step', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Bascule' });
    director = await connect(server.url, room.directorToken);
    ars = await joinAs(room, 'player', 'ars');
    expect((await director.send('clock.start')).ok).toBe(true);
  });
  afterAll(async () => {
    director?.close();
    ars?.close();
    await server?.close();
  });

  it('records the step once, from the bascule event, for the server and every client; a manual record after it is refused', async () => {
    const runtime = await server.server.rooms.get(room.roomId);
    const to = Object.keys(runtime.state.careMap.samuIds).find((id) => id !== evreux)!;
    const ack = await ars.send('careMap.setBascule', { samu: evreux, to });
    expect(ack).toMatchObject({ ok: true });
    const seq = ack.ok ? ack.seq : -1;
    await director.waitForEvent((e) => e.seq >= seq);
    const step = runtime.state.alertChain.links.find((l) => l.id === 'samu-bascule');
    expect(step).toMatchObject({ status: 'alerte', alert: { bascule: { samu: evreux, to, seq }, by: { cell: 'ars' } } });
    expect(chainOf(director)).toEqual(runtime.state.alertChain);
    expect(chainOf(ars)).toEqual(runtime.state.alertChain);

    const again = await director.send('alertChain.alert', { linkId: 'samu-bascule', message: 'Bascule du 15 vers le SAMU voisin' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(again.ok ? '' : again.error.message).toContain('bascule du 15');
    const chainRecords = director.events.filter((e: RoomEvent) => e.type === 'alertChain.alertSent' && (e.payload as { linkId: string }).linkId === 'samu-bascule');
    expect(chainRecords).toEqual([]);
    expect(director.events.filter((e) => e.type === 'careMap.basculeSet')).toHaveLength(1);
  });
});
