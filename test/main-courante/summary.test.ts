import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { TestServer } from '../helpers/server.js';
import { connect, createRoom, serverWithRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { appendEntries, appendFlag, newRecordId, readEntries, receiptsOf } from '../../shared/main-courante/doc.js';
import { authorOf, entry, openMainCourante, waitFor } from '../collab/yjs-clients.js';

/** Each accepted entry is an event of the room log (hash chain); significant entries reach the room summary. */
describe('main courante in the room log and summary', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('mirrors entries with their author as actor, visible to every participant', async () => {
    const [arsToken, prefToken] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture')];
    const listener = await connect(server.url, prefToken);
    const writer = await openMainCourante(room, arsToken);
    const alice = await authorOf(server, arsToken);
    const written = entry(alice, 'Plan blanc déclenché au CHU', { type: 'decision', significant: true, links: { finess: '140000100' } });
    appendEntries(writer.doc, [written]);
    const event = await listener.waitForEvent((e) => e.type === 'mainCourante.entryAdded');
    expect(event.actor).toMatchObject({ kind: 'participant', name: 'Alice ARS', cell: 'ars', sessionId: alice.sessionId });
    expect(event.payload).toMatchObject({ entry: { id: written.id, text: written.text }, receipt: { late: false } });
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);

    const runtime = await server.server.rooms.get(room.roomId);
    expect(runtime.state.mainCourante.significant.map((s) => s.id)).toEqual([written.id]);

    const plain = entry(alice, 'Appel du directeur du GHT');
    appendEntries(writer.doc, [plain]);
    await waitFor(() => runtime.state.mainCourante.count === 2);
    appendFlag(writer.doc, { id: newRecordId(), entryId: plain.id, sessionId: alice.sessionId, author: alice.author, role: alice.role, cell: alice.cell, flaggedAt: Date.now() });
    await waitFor(() => runtime.state.mainCourante.significant.length === 2);
    expect(runtime.state.mainCourante.significant[1]).toMatchObject({ id: plain.id, flaggedBy: 'Alice ARS' });
    expect(readEntries(writer.doc).find((e) => e.id === plain.id)?.flaggedBy).toEqual(['Alice ARS']);

    appendFlag(writer.doc, { id: newRecordId(), entryId: 'inconnue0000', sessionId: alice.sessionId, author: alice.author, role: alice.role, cell: alice.cell, flaggedAt: Date.now() });
    await waitFor(() => writer.closes.length > 0);
    expect(runtime.state.mainCourante.significant).toHaveLength(2);
    listener.close();
    writer.destroy();
  });

  it('mirrors at load the entries a crash left stored but not yet in the log', async () => {
    const crashed = await createRoom(server.url);
    const token = await tokenFor(crashed, 'player', 'ars', 'Alice ARS');
    const alice = await authorOf(server, token);
    // What a crash between the durable append and the mirror leaves: the update stored, no event.
    const doc = new Y.Doc();
    const orphan = entry(alice, 'Écrite juste avant la panne');
    appendEntries(doc, [orphan]);
    receiptsOf(doc).set(orphan.id, { receivedAt: Date.now(), receivedExerciseTime: 0, late: false });
    await server.server.store.docs.appendUpdate(crashed.roomId, 'main-courante', Y.encodeStateAsUpdate(doc));

    const runtime = await server.server.rooms.get(crashed.roomId);
    expect(runtime.state.mainCourante.count).toBe(0);
    const reader = await openMainCourante(crashed, token);
    expect(readEntries(reader.doc).map((e) => e.id)).toEqual([orphan.id]);
    await waitFor(() => runtime.state.mainCourante.count === 1, 5000, 'reconciliation');
    const events = await runtime.eventsFor({ role: 'director' }, 0);
    const mirrored = events.filter((e) => e.type === 'mainCourante.entryAdded');
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0]!.actor).toMatchObject({ name: 'Alice ARS', sessionId: alice.sessionId });
    reader.destroy();
  });
});
