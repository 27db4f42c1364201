import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { appendEntries, appendFlag, entriesOf, flagsOf, newRecordId, readEntries, receiptsOf } from '../../shared/main-courante/doc.js';
import type { SignificanceFlag } from '../../shared/main-courante/entry.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, ticketFor, waitFor, yjsUrl, type Author, type StockClient } from '../collab/yjs-clients.js';

/**
 * The append-only attack (acceptance 2): a client crafts updates that delete or change existing entries,
 * or write in another's name. The server refuses each before applying it: other clients never see it,
 * and the stored document is unchanged.
 */
describe('main courante: append-only, enforced by the server', () => {
  let server: TestServer;
  let room: TestRoom;
  let witness: StockClient;
  let ars: Author;
  let arsToken: string;
  let prefecture: Author;

  const flag = (author: Author, entryId: string): SignificanceFlag => ({
    id: newRecordId(),
    entryId,
    sessionId: author.sessionId,
    author: author.author,
    role: author.role,
    cell: author.cell,
    flaggedAt: Date.now(),
  });

  async function storedEntries() {
    const doc = new Y.Doc();
    for (const update of await server.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(doc, update);
    return { entries: readEntries(doc), flags: flagsOf(doc).toJSON(), receipts: receiptsOf(doc).toJSON() };
  }

  /** Runs `attack` on a fresh connected client and checks it is refused, seen by nobody, stored nowhere. */
  async function expectRefused(attack: (doc: Y.Doc) => void, params: Record<string, string> = {}, closeCode = 4403) {
    const before = await storedEntries();
    const witnessBefore = JSON.stringify(readEntries(witness.doc));
    const attacker = stockClient(room.url, room.roomId, 'main-courante', arsToken, params);
    await attacker.whenSynced();
    attack(attacker.doc);
    await waitFor(() => attacker.closes.length > 0, 5000, 'refusal');
    expect(attacker.closes[0]).toBe(closeCode);
    await sleep(150);
    expect(JSON.stringify(readEntries(witness.doc))).toBe(witnessBefore);
    expect(await storedEntries()).toEqual(before);
    attacker.destroy();
  }

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    const prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    [ars, prefecture] = [await authorOf(server, arsToken), await authorOf(server, prefToken)];
    witness = await openMainCourante(room, prefToken);
    const writer = await openMainCourante(room, arsToken);
    appendEntries(writer.doc, [entry(ars, 'Premier signalement du GHT'), entry(ars, 'Bascule du 15 envisagée', { type: 'decision' })]);
    await waitFor(() => readEntries(witness.doc).filter((e) => e.receipt).length === 2);
    appendFlag(writer.doc, flag(ars, entriesOf(writer.doc).get(0).id));
    await waitFor(() => flagsOf(witness.doc).length === 1);
    writer.destroy();
  });
  afterAll(async () => {
    witness.destroy();
    await server.close();
  });

  it('refuses deleting an entry', () => expectRefused((doc) => entriesOf(doc).delete(0, 1)));

  it('refuses changing an entry (delete and re-insert it modified)', () =>
    expectRefused((doc) =>
      doc.transact(() => {
        const original = entriesOf(doc).get(0);
        entriesOf(doc).delete(0, 1);
        entriesOf(doc).insert(0, [{ ...original, text: 'Texte réécrit après coup' }]);
      }),
    ));

  it("refuses an entry written in another author's name", () => expectRefused((doc) => appendEntries(doc, [entry(prefecture, 'Le préfet ordonne (faux)')])));

  it("refuses overwriting the server's receipts", () =>
    expectRefused((doc) => {
      const first = entriesOf(doc).get(0);
      receiptsOf(doc).set(first.id, { receivedAt: 0, receivedExerciseTime: 0, late: false });
    }));

  it('refuses nested shared types (a mutable entry) in the array', () =>
    expectRefused((doc) => {
      const map = new Y.Map<unknown>();
      entriesOf(doc).push([map as never]);
      map.set('text', 'modifiable');
    }));

  it('refuses reusing an existing entry id', () => expectRefused((doc) => appendEntries(doc, [entry(ars, 'Doublon', { id: entriesOf(doc).get(0).id })])));

  it('refuses a whole update that mixes a valid entry with a deletion', () =>
    expectRefused((doc) =>
      doc.transact(() => {
        appendEntries(doc, [entry(ars, 'Entrée valide glissée dans une attaque')]);
        entriesOf(doc).delete(0, 1);
      }),
    ));

  // "Append" means: inserted after everything its author had seen (its right origin is empty). An insertion
  // before an entry the author's copy already held is a rewrite of the list, whatever its content.
  it('refuses an entry inserted before the first entry', () => expectRefused((doc) => entriesOf(doc).insert(0, [entry(ars, 'Antidaté en tête de liste')])));

  it('refuses an entry inserted in the middle of the list', () => expectRefused((doc) => entriesOf(doc).insert(1, [entry(ars, 'Glissé entre deux entrées')])));

  it('refuses a flag inserted before an existing flag', () => expectRefused((doc) => flagsOf(doc).insert(0, [flag(ars, entriesOf(doc).get(1).id)])));

  it("tells the project's client to drop its state and resync (4409)", () => expectRefused((doc) => entriesOf(doc).delete(0, 1), { client: 'orsan' }, 4409));

  it('refuses a hand-crafted update sent on a raw socket', async () => {
    const before = await storedEntries();
    const replica = new Y.Doc();
    for (const update of await server.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(replica, update);
    const stateVector = Y.encodeStateVector(replica);
    entriesOf(replica).delete(1, 1);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(replica, stateVector));
    const ws = new WebSocket(yjsUrl(room.url, room.roomId, 'main-courante', { ticket: await ticketFor(room.url, room.roomId, arsToken) }));
    const code = await new Promise<number>((resolve) => {
      ws.on('open', () => ws.send(encoding.toUint8Array(encoder)));
      ws.on('close', (c) => resolve(c));
    });
    expect(code).toBe(4403);
    expect(await storedEntries()).toEqual(before);
    expect(readEntries(witness.doc)).toHaveLength(2);
  });

  it('accepts two appends written on the same view while offline, whichever order Yjs gives them', async () => {
    const prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    const [a, b] = [await openMainCourante(room, arsToken), await openMainCourante(room, prefToken)];
    const paul = await authorOf(server, prefToken);
    const before = entriesOf(witness.doc).length;
    for (const c of [a, b]) c.provider.disconnect();
    appendEntries(a.doc, [entry(ars, 'Hors ligne côté ARS')]);
    appendEntries(b.doc, [entry(paul, 'Hors ligne côté préfecture')]);
    for (const c of [a, b]) c.provider.connect();
    await waitFor(() => readEntries(witness.doc).filter((e) => e.receipt).length === before + 2, 5000, 'both appends');
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    for (const c of [a, b]) c.destroy();
  });

  it('still accepts a valid entry afterwards', async () => {
    const writer = await openMainCourante(room, arsToken);
    appendEntries(writer.doc, [entry(ars, 'Correction : bascule confirmée', { corrects: entriesOf(writer.doc).get(1).id })]);
    await waitFor(() => readEntries(witness.doc).filter((e) => e.receipt).length === 5);
    expect(writer.closes).toEqual([]);
    writer.destroy();
  });
});
