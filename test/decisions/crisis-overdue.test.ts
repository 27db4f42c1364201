import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../helpers/fake-clock.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient } from '../helpers/room.js';

/** A real crisis: due times are Paris wall time, on the crisis clock (speed 1 from T0); the server's clock is a fake one. */
describe('overdue actions in a crisis, on wall time', () => {
  const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+01:00'));
  let server: TestServer;
  let ars: TestClient;
  let director: TestClient;
  let roomId: string;
  beforeAll(async () => {
    server = await startServer({ clock });
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise — actions' });
    roomId = room.roomId;
    director = await connect(server.url, room.directorToken);
    ars = await connect(server.url, await tokenFor(room, 'player', 'ars'));
  });
  afterAll(async () => {
    ars?.close();
    director?.close();
    await server?.close();
  });

  it('an action due at 10 h 00 (Paris) is flagged once after 10 h 00, not before', async () => {
    const dueAt = Date.parse('2026-12-02T10:00:00+01:00');
    expect(await ars.send('action.create', { title: 'Ouvrir la ligne de crise', ownerCell: 'ars', dueAt })).toMatchObject({ ok: true });
    // 09:59: the room moves on (any event wakes the watcher), nothing is due yet.
    clock.jump(59 * 60_000);
    await director.send('room.announce', { text: 'Point à 10 h.' });
    const runtime = await server.server.rooms.get(roomId);
    expect(runtime.state.decisions.actions[0]!.overdueAt).toBeNull();
    // 10:01: flagged, once, with both clocks.
    clock.jump(2 * 60_000);
    await director.send('room.announce', { text: 'Toujours rien.' });
    const flagged = await ars.waitForEvent((e) => e.type === 'action.overdue');
    expect(flagged.wallTime).toBeGreaterThan(dueAt);
    await director.send('room.announce', { text: 'Encore.' });
    expect(ars.events.filter((e) => e.type === 'action.overdue')).toHaveLength(1);
    expect(runtime.state.decisions.actions[0]!.overdueAt).toMatchObject({ wallTime: flagged.wallTime });
  });
});
