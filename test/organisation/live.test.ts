import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { replayAt } from '../../shared/retex/replay.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { rawGet } from '../helpers/raw-wire.js';

describe('crisis organisation through the real server', () => {
  let server: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  let ars: TestClient;
  let prefecture: TestClient;
  let observer: TestClient;
  let director: TestClient;
  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { mode: 'crisis', title: 'Crise — organisation' });
    ars = await connect(server.url, await tokenFor(room, 'player', 'ars', 'Cadre ARS'));
    prefecture = await connect(server.url, await tokenFor(room, 'player', 'prefecture', 'SIDPC'));
    observer = await connect(server.url, await tokenFor(room, 'observer'));
    director = await connect(server.url, room.directorToken);
    clients.push(ars, prefecture, observer, director);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  });

  it('accepts each command from its cell (and the director), refuses it from others, and broadcasts it to the room', async () => {
    expect(await prefecture.send('organisation.setMobilisation', { level: 'niveau-2' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await observer.send('organisation.activateCraps', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ars.send('organisation.setMobilisation', { level: 'niveau-2', note: 'Deux CH touchés' })).toMatchObject({ ok: true });
    const seen = await observer.waitForEvent((e) => e.type === 'organisation.mobilisationSet');
    expect(seen).toMatchObject({ payload: { level: 'niveau-2', previous: 'veille' }, actor: { name: 'Cadre ARS', cell: 'ars' } });
    expect(seen.exerciseTime).toBeGreaterThanOrEqual(0);
    expect(await ars.send('organisation.setMobilisation', { level: 'niveau-2' })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(await prefecture.send('organisation.activateCraps', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ars.send('organisation.activateCraps', {})).toMatchObject({ ok: true });
    expect(await director.send('organisation.activateCraps', {})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await prefecture.waitForEvent((e) => e.type === 'organisation.crapsActivated');

    expect(await ars.send('organisation.setCod', { open: true })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await prefecture.send('organisation.setCod', { open: true })).toMatchObject({ ok: true });
    await ars.waitForEvent((e) => e.type === 'organisation.codOpened');

    expect(await director.send('organisation.assignFunction', { function: 'main-courante', holder: { participantId: ars.welcome.me.sessionId } })).toMatchObject({ ok: true });
    expect(await director.send('organisation.assignFunction', { function: 'communication', holder: { participantId: prefecture.welcome.me.sessionId } })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const assigned = await observer.waitForEvent((e) => e.type === 'organisation.functionAssigned');
    expect(assigned.payload).toEqual({ function: 'main-courante', holder: { name: 'Cadre ARS', sessionId: ars.welcome.me.sessionId } });
  });

  it('the log replays the organisation at any time and the RETEX measures it', async () => {
    const { events } = (await server.api('GET', `/api/rooms/${room.roomId}/events`, undefined, room.directorToken)).body as { events: RoomEvent[] };
    const craps = events.find((e) => e.type === 'organisation.crapsActivated')!;
    const before = events.filter((e) => e.seq < craps.seq);
    const atCraps = replayAt(room.roomId, events, { role: 'observer' }, craps.exerciseTime);
    expect(atCraps.organisation.craps.active).toBe(true);
    expect(replayAt(room.roomId, before, { role: 'observer' }, craps.exerciseTime).organisation.craps.active).toBe(false);
    const end = replayAt(room.roomId, events, { role: 'observer' }, events.at(-1)!.exerciseTime);
    expect(end.organisation).toMatchObject({ mobilisation: { level: 'niveau-2' }, cod: { active: true }, functions: { 'main-courante': { name: 'Cadre ARS' } } });

    const report = (await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, room.directorToken)).body as {
      organisation: { crapsActivatedAt: number | null; codOpenedAt: number | null; highestLevel: string };
      timeline: Array<{ lane: string; label: string }>;
    };
    expect(report.organisation).toMatchObject({ crapsActivatedAt: craps.exerciseTime, highestLevel: 'niveau-2' });
    expect(report.organisation.codOpenedAt).toBe(events.find((e) => e.type === 'organisation.codOpened')!.exerciseTime);
    expect(report.timeline.filter((i) => i.lane === 'organisation').map((i) => i.label)).toContainEqual(expect.stringMatching(/^SIDPC .* ouvre le COD/));
    const markdown = (await rawGet(server.url, `/api/rooms/${room.roomId}/report.md`, room.directorToken)).text;
    expect(markdown).toContain('## Organisation de crise');
    expect(markdown).toContain('CRAPS activée : T+');
  });
});
