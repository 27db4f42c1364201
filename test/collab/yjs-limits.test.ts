import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { limits } from '../../shared/core/limits.js';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, ticketFor, waitFor, yjsUrl, type StockClient } from './yjs-clients.js';

/**
 * Defect "one participant can stall the room": every Yjs update, presence state and handshake has a limit,
 * and beyond it the connection is closed with a named code and a reason; what was refused is never applied,
 * stored, broadcast or mirrored into the room log.
 */
describe('Yjs endpoint: limits per update, per session, on presence and on handshakes', () => {
  let server: TestServer;
  let room: TestRoom;
  let witness: StockClient;

  const stored = async () => {
    const doc = new Y.Doc();
    for (const update of await server.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(doc, update);
    return entriesOf(doc).length;
  };
  const mirrored = async () => (await server.server.rooms.get(room.roomId)).state.mainCourante.count;
  /** The close code and reason of a client that was refused. */
  const closed = (client: StockClient) =>
    new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('connection-close', (event) => event && resolve({ code: event.code, reason: event.reason })));

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    witness = await openMainCourante(room, await tokenFor(room, 'player', 'prefecture', 'Témoin'));
  });
  afterAll(async () => {
    witness.destroy();
    await server.close();
  });

  it('refuses a 23 MiB update of 1,200 entries with 4413: nothing applied, stored, relayed or mirrored', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    const author = await authorOf(server, token);
    const attacker = await openMainCourante(room, token);
    const [storedBefore, mirroredBefore, seenBefore] = [await stored(), await mirrored(), entriesOf(witness.doc).length];
    const refusal = closed(attacker);
    appendEntries(
      attacker.doc,
      Array.from({ length: 1_200 }, (_, i) => entry(author, `${i} `.padEnd(limits.maxTextLength, 'x'))),
    );
    expect(Y.encodeStateAsUpdate(attacker.doc).byteLength).toBeGreaterThan(23 * 2 ** 20);
    const { code, reason } = await refusal;
    expect(code).toBe(yjsCloseCodes.tooLarge);
    expect(reason).toMatch(/trop volumineuse/);
    await sleep(200);
    expect([await stored(), await mirrored(), entriesOf(witness.doc).length]).toEqual([storedBefore, mirroredBefore, seenBefore]);
    attacker.destroy();
  });

  it('refuses 1,200 small entries in one update with 4413, before reading any of them', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    const author = await authorOf(server, token);
    const attacker = await openMainCourante(room, token);
    const [storedBefore, mirroredBefore] = [await stored(), await mirrored()];
    const refusal = closed(attacker);
    appendEntries(
      attacker.doc,
      Array.from({ length: 1_200 }, (_, i) => entry(author, `Entrée ${i}`)),
    );
    const { code, reason } = await refusal;
    expect(code).toBe(yjsCloseCodes.tooLarge);
    expect(reason).toContain(`${limits.maxRecordsPerYjsUpdate} au plus`);
    await sleep(200);
    expect([await stored(), await mirrored()]).toEqual([storedBefore, mirroredBefore]);
    attacker.destroy();
  });

  it('rate-limits 1,000 back-to-back updates of one session with 4429, while a well-behaved peer keeps working', async () => {
    const [floodToken, calmToken] = [await tokenFor(room, 'player', 'ars', 'Flood'), await tokenFor(room, 'player', 'prefecture', 'Calme')];
    const [flooder, calm] = [await openMainCourante(room, floodToken), await openMainCourante(room, calmToken)];
    const [floodAuthor, calmAuthor] = [await authorOf(server, floodToken), await authorOf(server, calmToken)];
    const refusal = closed(flooder);
    for (let i = 0; i < 1_000; i++) appendEntries(flooder.doc, [entry(floodAuthor, `Rafale ${i}`)]);
    expect((await refusal).code).toBe(yjsCloseCodes.rateLimited);

    appendEntries(calm.doc, [entry(calmAuthor, 'Point de situation normal')]);
    await waitFor(() => readEntries(witness.doc).some((e) => e.text === 'Point de situation normal' && e.receipt !== null), 10_000, 'calm entry');
    expect(calm.closes).toEqual([]);
    await sleep(200);
    // At most what the burst allows got through (updates still queued when the connection closed are dropped,
    // never acknowledged: the client still has them); and what got through is exactly what is mirrored.
    const through = readEntries(witness.doc).filter((e) => e.text.startsWith('Rafale ')).length;
    expect(through).toBeLessThan(limits.yjsUpdateBurst + 10);
    await waitFor(async () => (await mirrored()) === entriesOf(witness.doc).length);
    expect(await stored()).toBe(entriesOf(witness.doc).length);
    flooder.destroy();
    calm.destroy();
  });

  it('counts main-courante records per session, whatever the number of its sockets', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Deux onglets');
    const author = await authorOf(server, token);
    const [tabA, tabB] = [await openMainCourante(room, token), await openMainCourante(room, token)];
    const batch = (tag: string) => Array.from({ length: limits.maxRecordsPerYjsUpdate }, (_, i) => entry(author, `${tag} ${i}`));
    const before = await stored();
    appendEntries(tabA.doc, batch('Onglet A'));
    await waitFor(async () => (await stored()) === before + limits.maxRecordsPerYjsUpdate, 10_000, 'first batch');
    const refusal = closed(tabB);
    appendEntries(tabB.doc, batch('Onglet B'));
    const { code, reason } = await refusal;
    expect(code).toBe(yjsCloseCodes.rateLimited);
    expect(reason).toMatch(/Trop d'entrées en une minute/);
    expect(await stored()).toBe(before + limits.maxRecordsPerYjsUpdate);
    expect(tabA.closes).toEqual([]);
    tabA.destroy();
    tabB.destroy();
  });

  it('does not relay a 4 MiB presence state (4413), and still relays normal ones', async () => {
    const [observer, peer] = [await openMainCourante(room, await tokenFor(room, 'observer')), await openMainCourante(room, await tokenFor(room, 'observer'))];
    const refusal = closed(observer);
    observer.provider.awareness.setLocalStateField('user', { name: 'x'.repeat(4 * 2 ** 20), color: '#123456' });
    expect((await refusal).code).toBe(yjsCloseCodes.tooLarge);
    peer.provider.awareness.setLocalStateField('user', { color: '#654321' });
    await waitFor(() => witness.provider.awareness.getStates().has(peer.doc.clientID), 5000, 'normal presence relayed');
    await sleep(100);
    expect(witness.provider.awareness.getStates().has(observer.doc.clientID)).toBe(false);
    observer.destroy();
    peer.destroy();
  });

  it('relays only the presence fields our clients use: colour and caret, with the name of the session', async () => {
    const client = await openMainCourante(room, await tokenFor(room, 'player', 'ars', 'Alice ARS'));
    // As y-prosemirror sends it: `Y.RelativePosition` objects, stringified with their nulls.
    const caret = { anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 1, clock: 9 }, assoc: 0 }, head: { type: null, tname: 'default', item: null, assoc: -1 } };
    client.provider.awareness.setLocalState({ user: { name: 'Le Préfet', color: '#abcdef', avatar: 'x'.repeat(200) }, cursor: caret, tracking: 'y'.repeat(200) });
    await waitFor(() => witness.provider.awareness.getStates().has(client.doc.clientID), 5000, 'presence relayed');
    expect(witness.provider.awareness.getStates().get(client.doc.clientID)).toEqual({
      user: { color: '#abcdef', name: 'Alice ARS', role: 'player', cell: 'ars' },
      cursor: caret,
    });
    client.destroy();
  });

  it('refuses a handshake flood of one session with 4429; other sessions still connect', async () => {
    const token = await tokenFor(room, 'observer');
    const attempts = limits.yjsHandshakesPerSessionPerMinute + 10;
    const outcomes = await Promise.all(
      Array.from({ length: attempts }, async () => {
        const ws = new WebSocket(yjsUrl(server.url, room.roomId, 'main-courante', { ticket: await ticketFor(server.url, room.roomId, token) }));
        return new Promise<{ ws: WebSocket; code: number | 'accepted' }>((resolve) => {
          ws.once('message', () => resolve({ ws, code: 'accepted' }));
          ws.once('close', (code) => resolve({ ws, code }));
        });
      }),
    );
    const accepted = outcomes.filter((o) => o.code === 'accepted').length;
    const refused = outcomes.filter((o) => o.code === yjsCloseCodes.rateLimited).length;
    expect(accepted + refused).toBe(attempts);
    expect(accepted).toBeGreaterThanOrEqual(limits.yjsHandshakesPerSessionPerMinute);
    expect(refused).toBeGreaterThan(0);
    for (const { ws } of outcomes) ws.terminate();
    const other = stockClient(room.url, room.roomId, 'main-courante', await tokenFor(room, 'observer'));
    await other.whenSynced();
    other.destroy();
  });
});
