import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, waitFor, type StockClient } from '../collab/yjs-clients.js';

const EVREUX = '270000359';
const ROUEN = '760000158';

/**
 * Issue 18 #9, on the real server with real clients: a cell corrects only its own entries (the Yjs policy
 * refuses the rest), and what the cells do elsewhere in the room (care map, alert chain, communication)
 * appears in the main courante as system entries without anyone typing it.
 */
describe('main courante: corrections by cell, system entries from the room log', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  let prefecture: TestClient;
  let arsToken: string;
  let prefToken: string;
  let arsReader: StockClient;

  const ok = async (client: TestClient, type: string, payload: unknown) => expect(await client.send(type, payload)).toMatchObject({ ok: true });
  const systemEntries = () => readEntries(arsReader.doc).filter((e) => e.system);
  const stored = async () => {
    const doc = new Y.Doc();
    for (const update of await server.server.store.docs.loadUpdates(room.roomId, 'main-courante')) Y.applyUpdate(doc, update);
    return readEntries(doc);
  };

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    [director, ars, prefecture] = [await connect(server.url, room.directorToken), await connect(server.url, arsToken), await connect(server.url, prefToken)];
    await ok(director, 'clock.start', {});
    arsReader = await openMainCourante(room, arsToken);
  });
  afterAll(async () => {
    arsReader?.destroy();
    for (const c of [director, ars, prefecture]) c?.close();
    await server?.close();
  });

  it('refuses the Préfecture correcting an ARS entry (nothing changes) and accepts the ARS correcting it', async () => {
    const [alice, paul] = [await authorOf(server, arsToken), await authorOf(server, prefToken)];
    const original = entry(alice, 'Décision : bascule du 15 vers le SAMU 76', { type: 'decision' });
    appendEntries(arsReader.doc, [original]);
    await waitFor(() => readEntries(arsReader.doc).some((e) => e.id === original.id && e.receipt !== null), 5000, 'entry received');
    const before = await stored();

    const intruder = stockClient(room.url, room.roomId, 'main-courante', prefToken);
    await intruder.whenSynced();
    appendEntries(intruder.doc, [entry(paul, 'Vers le SAMU 27', { corrects: original.id })]);
    await waitFor(() => intruder.closes.length > 0, 5000, 'refusal');
    expect(intruder.closes[0]).toBe(4403);
    intruder.destroy();
    await sleep(150);
    expect(await stored()).toEqual(before);
    expect(readEntries(arsReader.doc).some((e) => e.corrects === original.id)).toBe(false);

    const fix = entry(alice, 'Décision : bascule du 15 vers le SAMU 27', { type: 'decision', corrects: original.id });
    appendEntries(arsReader.doc, [fix]);
    await waitFor(() => readEntries(arsReader.doc).some((e) => e.id === fix.id && e.receipt !== null), 5000, 'correction received');
    expect(arsReader.closes).toEqual([]);
    expect((await stored()).find((e) => e.id === fix.id)?.corrects).toBe(original.id);
  });

  it('restates a status change, a bascule, an alert and a published communication as system entries the ARS sees', async () => {
    await ok(ars, 'careMap.setStatus', { finess: EVREUX, mode: 'arret', situation: 'Rançongiciel : Centre 15 hors service' });
    await ok(ars, 'careMap.setBascule', { samu: EVREUX, to: ROUEN });
    await ok(ars, 'alertChain.alert', { linkId: 'ars-prefecture', channel: 'telephone', message: 'Cyberattaque GHT, bascule du 15 faite.' });
    await ok(ars, 'comms.createDraft', { kind: 'communique_presse', title: 'Continuité des soins dans l’Eure' });
    const runtime = await server.server.rooms.get(room.roomId);
    const draft = runtime.state.comms.drafts.at(-1)!;
    const text = stockClient(room.url, room.roomId, `comms-${draft.id}`, arsToken);
    await text.whenSynced();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('La continuité des soins est assurée.')]);
    text.doc.getXmlFragment('default').push([paragraph]);
    await waitFor(async () => (await server.server.store.docs.loadUpdates(room.roomId, `comms-${draft.id}`)).length > 0, 5000, 'draft text stored');
    await ok(ars, 'comms.submit', { draftId: draft.id });
    await waitFor(() => runtime.state.comms.drafts.at(-1)!.sealed !== null, 5000, 'sealed');
    await ok(prefecture, 'comms.validate', { draftId: draft.id, hash: runtime.state.comms.drafts.at(-1)!.sealed!.hash });
    await ok(prefecture, 'comms.publish', { draftId: draft.id });
    text.destroy();

    await waitFor(() => systemEntries().some((e) => e.system?.type === 'comms.published'), 5000, 'system entries');
    // The ARS's own actions (the scenario's scripted alerts, started with the clock, have theirs too).
    const byType = new Map(
      systemEntries()
        .filter((e) => e.author === 'Alice ARS' || e.author === 'Paul Préfecture')
        .map((e) => [e.system!.type, e]),
    );
    expect([...byType.keys()].sort()).toEqual(['alertChain.alertSent', 'careMap.basculeSet', 'careMap.statusChanged', 'comms.published'].sort());
    const status = byType.get('careMap.statusChanged')!;
    expect(status).toMatchObject({ author: 'Alice ARS', cell: 'ars', links: { finess: EVREUX }, receipt: { late: false } });
    expect(status.text).toMatch(/^Alice ARS \(ARS[^)]*\) signale que .+ est à l'arrêt/);
    expect(status.text).not.toContain(EVREUX);
    expect(status.authoredExerciseTime).not.toBeNull();
    expect(byType.get('careMap.basculeSet')!.text).toContain('déclenche la bascule du 15');
    expect(byType.get('alertChain.alertSent')!.text).toContain('Cyberattaque GHT, bascule du 15 faite.');
    expect(byType.get('comms.published')!).toMatchObject({ author: 'Paul Préfecture', cell: 'prefecture' });
    expect(byType.get('comms.published')!.text).toContain('publie la version 1 du communiqué de presse « Continuité des soins dans l’Eure »');

    // Written by the server, stored, not mirrored into the log (the log holds the events they restate).
    expect((await stored()).filter((e) => e.system)).toHaveLength(systemEntries().length);
    const mirrored = (await runtime.eventsFor({ role: 'director' }, 0)).filter((e) => e.type === 'mainCourante.entryAdded');
    expect(mirrored.some((e) => JSON.stringify(e.payload).includes('"system"'))).toBe(false);
    expect(entriesOf(arsReader.doc).length).toBe(readEntries(arsReader.doc).length);
  });

  it('refuses a system entry forged by a client', async () => {
    const forger = stockClient(room.url, room.roomId, 'main-courante', arsToken);
    await forger.whenSynced();
    appendEntries(forger.doc, [entry(await authorOf(server, arsToken), 'Le CH va bien', { system: { seq: 9999, type: 'careMap.statusChanged' } })]);
    await waitFor(() => forger.closes.length > 0, 5000, 'refusal');
    expect(forger.closes[0]).toBe(4403);
    forger.destroy();
  });
});
