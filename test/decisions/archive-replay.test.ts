import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { replayAt } from '../../shared/retex/replay.js';
import { verifyArchiveText } from '../../server/retex/archive-verify.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient } from '../helpers/room.js';
import { rawGet } from '../helpers/raw-wire.js';

describe('decisions, actions and points de situation in the replay, the RETEX and the archive', () => {
  let server: TestServer;
  let other: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
    await other?.close();
  });

  it('the replay at the end holds them, the report measures them, the archive verifies and imports them', async () => {
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise — boucle de la cellule' });
    const ars = await connect(server.url, await tokenFor(room, 'player', 'ars'));
    const prefecture = await connect(server.url, await tokenFor(room, 'player', 'prefecture'));
    clients.push(ars, prefecture);
    const decided = await ars.send('decision.record', {
      title: 'Activer la cellule régionale',
      rationale: 'Deux établissements touchés.',
      actions: [{ title: 'Informer le COD', ownerCell: 'prefecture' }],
    });
    expect(decided).toMatchObject({ ok: true });
    expect(await prefecture.send('action.setStatus', { id: 'A1', status: 'faite' })).toMatchObject({ ok: true });
    expect(await ars.send('sitrep.open', {})).toMatchObject({ ok: true });
    expect(await ars.send('sitrep.submit', { n: 1 })).toMatchObject({ ok: true });
    expect(await prefecture.send('sitrep.validate', { n: 1 })).toMatchObject({ ok: true });
    await ars.waitForEvent((e) => e.type === 'sitrep.frozen');

    const { events } = (await server.api('GET', `/api/rooms/${room.roomId}/events`, undefined, room.directorToken)).body as { events: RoomEvent[] };
    const end = replayAt(room.roomId, events, { role: 'observer' }, events.at(-1)!.exerciseTime);
    expect(end.decisions.decisions.map((d) => d.title)).toEqual(['Activer la cellule régionale']);
    expect(end.decisions.actions.map((a) => [a.id, a.status])).toEqual([['A1', 'faite']]);
    expect(end.sitrep.points.map((p) => p.status)).toEqual(['fige']);

    const report = (await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, room.directorToken)).body as {
      decisions: { decisions: number; timeToFirstDecision: number | null };
      sitrep: { validated: number; firstValidatedAt: number | null };
    };
    expect(report.decisions).toMatchObject({ decisions: 1 });
    expect(report.decisions.timeToFirstDecision).not.toBeNull();
    expect(report.sitrep).toMatchObject({ validated: 1 });
    const markdown = (await rawGet(server.url, `/api/rooms/${room.roomId}/report.md`, room.directorToken)).text;
    expect(markdown).toContain('Activer la cellule régionale');

    const archive = await rawGet(server.url, `/api/rooms/${room.roomId}/archive`, room.directorToken);
    expect(verifyArchiveText(archive.text)).toMatchObject({ intact: true });
    expect((await other.api('POST', '/api/archives', JSON.parse(archive.text), OPERATOR_TOKEN)).status).toBe(201);
    const imported = await other.server.rooms.get(room.roomId);
    expect(imported.state.decisions.actions.map((a) => a.status)).toEqual(['faite']);
    expect(imported.state.sitrep.points[0]).toMatchObject({ status: 'fige' });
  });
});
