import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { reduceEvents } from '../../shared/domain.js';
import { readEntries } from '../../shared/main-courante/doc.js';
import { initialRoomState } from '../../shared/room-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { openMainCourante, waitFor, type StockClient } from '../collab/yjs-clients.js';

/** The board as a client sees it: its events reduced with the shared reducer, as the browser does. */
const boardOf = (client: TestClient) => reduceEvents(initialRoomState(''), client.events as RoomEvent[]).decisions;

describe('live decisions and actions across cells', () => {
  let srv: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let arsCell: TestClient;
  let prefectureCell: TestClient;
  let observer: TestClient;
  let witness: StockClient;

  beforeAll(async () => {
    srv = await startServer();
    room = await createRoom(srv.url);
    director = await connect(srv.url, room.directorToken);
    arsCell = await joinAs(room, 'player', 'ars');
    prefectureCell = await joinAs(room, 'player', 'prefecture');
    observer = await joinAs(room, 'observer');
    witness = await openMainCourante(room, await tokenFor(room, 'observer'));
    expect(await director.send('clock.start')).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    witness?.destroy();
    for (const c of [director, arsCell, prefectureCell, observer]) c?.close();
    await srv?.close();
  });

  it('the ARS decides with two actions; the Préfecture marks its own done; the main courante holds the decision', async () => {
    const decision = {
      title: 'Déclencher le plan blanc du CH',
      rationale: 'SIH indisponible, urgences en mode dégradé.',
      actions: [
        { title: 'Ouvrir la cellule régionale', ownerCell: 'ars', dueAt: 30 * 60_000 },
        { title: 'Informer le COD', ownerCell: 'prefecture', dueAt: 45 * 60_000, priority: 'haute' },
      ],
    };
    expect(await observer.send('decision.record', decision)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await arsCell.send('decision.record', decision)).toMatchObject({ ok: true });
    await prefectureCell.waitForEvent((e) => e.type === 'action.created' && (e.payload as { id: string }).id === 'A2');
    const mine = boardOf(prefectureCell).actions.filter((a) => a.ownerCell === 'prefecture');
    expect(mine).toMatchObject([{ id: 'A2', title: 'Informer le COD', status: 'a_faire', source: { kind: 'decision', id: 'D1' } }]);

    expect(await arsCell.send('action.setStatus', { id: 'A2', status: 'faite' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const done = await prefectureCell.send('action.setStatus', { id: 'A2', status: 'faite' });
    expect(done).toMatchObject({ ok: true });
    await arsCell.waitForEvent((e) => e.type === 'action.statusChanged');
    const runtime = await srv.server.rooms.get(room.roomId);
    expect(boardOf(arsCell)).toEqual(runtime.state.decisions);
    expect(boardOf(arsCell).actions.find((a) => a.id === 'A2')).toMatchObject({ status: 'faite', doneAt: { exerciseTime: expect.any(Number) } });

    // The decision is the ARS's `decision` entry of the main courante: in the document, and mirrored in the log.
    const mirror = await director.waitForEvent((e) => e.type === 'mainCourante.entryAdded');
    expect(mirror).toMatchObject({ commandId: 'mc:decision-D1', actor: { kind: 'participant', cell: 'ars' } });
    await waitFor(() => readEntries(witness.doc).some((e) => e.id === 'decision-D1'), 10_000, 'decision entry in the document');
    const entry = readEntries(witness.doc).find((e) => e.id === 'decision-D1');
    expect(entry).toMatchObject({ type: 'decision', cell: 'ars', role: 'player' });
    expect(entry?.text).toContain('[D1] Déclencher le plan blanc du CH');
    // The owner cell by its label, never by its id.
    expect(entry?.text).toContain('A2 Informer le COD (Préfecture, échéance');
    expect(entry?.text).not.toContain('prefecture');
  });
});
