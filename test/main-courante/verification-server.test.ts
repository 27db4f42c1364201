import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendEntries, appendVerification, newRecordId, readEntries, verificationsOf } from '../../shared/main-courante/doc.js';
import type { VerificationRecord } from '../../shared/main-courante/verification.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, waitFor, type Author, type StockClient } from '../collab/yjs-clients.js';

const verdict = (author: Author, entryId: string, status: VerificationRecord['status']): VerificationRecord => ({
  id: newRecordId(),
  entryId,
  status,
  sessionId: author.sessionId,
  author: author.author,
  role: author.role,
  cell: author.cell,
  verifiedAt: Date.now(),
  verifiedExerciseTime: null,
});

/**
 * Issue 19, on the real server with the stock y-websocket client: the cell that wrote an information verifies or
 * disproves it (stored, relayed, mirrored into the room log); another cell cannot (the Yjs policy closes 4403,
 * nothing is stored or relayed).
 */
describe('main courante: verification status of an information, by the cell that wrote it', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let arsToken: string;
  let prefToken: string;
  let arsWriter: StockClient;
  let prefReader: StockClient;

  const storedVerifications = async () => {
    const doc = new Y.Doc();
    for (const update of await server.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(doc, update);
    return verificationsOf(doc).toArray();
  };

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    director = await connect(server.url, room.directorToken);
    expect(await director.send('clock.start', {})).toMatchObject({ ok: true });
    arsWriter = await openMainCourante(room, arsToken);
    prefReader = await openMainCourante(room, prefToken);
  });
  afterAll(async () => {
    arsWriter?.destroy();
    prefReader?.destroy();
    director?.close();
    await server?.close();
  });

  it('refuses the Préfecture verifying an ARS information; the ARS verifies it, the Préfecture sees it, the log has it', async () => {
    const [alice, paul] = [await authorOf(server, arsToken), await authorOf(server, prefToken)];
    const info = entry(alice, 'Information : le SAMU 76 accepterait la bascule (à confirmer)');
    appendEntries(arsWriter.doc, [info]);
    await waitFor(() => readEntries(arsWriter.doc).some((e) => e.id === info.id && e.receipt !== null), 5000, 'entry received');
    expect(readEntries(arsWriter.doc).find((e) => e.id === info.id)?.verification?.status).toBe('a_verifier');

    const intruder = stockClient(room.url, room.roomId, 'main-courante', prefToken);
    await intruder.whenSynced();
    appendVerification(intruder.doc, verdict(paul, info.id, 'infirmee'));
    await waitFor(() => intruder.closes.length > 0, 5000, 'refusal');
    expect(intruder.closes[0]).toBe(4403);
    intruder.destroy();
    await sleep(150);
    expect(await storedVerifications()).toEqual([]);
    expect(verificationsOf(prefReader.doc).length).toBe(0);

    appendVerification(arsWriter.doc, verdict(alice, info.id, 'verifiee'));
    await waitFor(() => readEntries(prefReader.doc).find((e) => e.id === info.id)?.verification?.status === 'verifiee', 5000, 'relayed to the Préfecture');
    expect(arsWriter.closes).toEqual([]);
    expect((await storedVerifications()).map((v) => [v.entryId, v.status])).toEqual([[info.id, 'verifiee']]);
    await waitFor(async () => (await server.server.store.events.read(room.roomId)).some((e) => e.type === 'mainCourante.entryVerified'), 5000, 'mirrored into the log');
  });
});
