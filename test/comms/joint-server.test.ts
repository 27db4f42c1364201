import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { fragmentToText } from '../../shared/comms/text.js';
import type { Draft } from '../../shared/comms/draft.js';
import { buildReport } from '../../shared/retex/report.js';
import { stockClient, waitFor, type StockClient } from '../collab/yjs-clients.js';

function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}
const textOf = (doc: Y.Doc) => fragmentToText(doc.getXmlFragment('default'));

/** Issue 19 through the real server: a joint product validated by two real socket clients, the void on a new text, rumours. */
describe('joint products and rumours, through the server', () => {
  let server: TestServer;
  let room: TestRoom;
  let ars: TestClient;
  let prefecture: TestClient;
  let observer: TestClient;
  let arsToken: string;

  const state = async () => (await server.server.rooms.get(room.roomId)).state;
  const draftOf = async (id: string): Promise<Draft> => (await state()).comms.drafts.find((d) => d.id === id)!;
  const openDraft = async (id: string): Promise<StockClient> => {
    const client = stockClient(room.url, room.roomId, `comms-${id}`, arsToken);
    await client.whenSynced();
    return client;
  };
  async function submitAndSeal(id: string): Promise<Draft> {
    expect((await ars.send('comms.submit', { draftId: id })).ok).toBe(true);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const draft = await draftOf(id);
      if (draft.sealed?.cycle === draft.cycle) return draft;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('draft never sealed');
  }

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    ars = await connect(server.url, arsToken);
    prefecture = await connect(server.url, await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture'));
    observer = await joinAs(room, 'observer');
  });
  afterAll(async () => {
    for (const c of [ars, prefecture, observer]) c.close();
    await server.close();
  });

  it('publishes a joint note only once both cells validated the same text; a new text voids the first validation', async () => {
    expect((await ars.send('comms.createDraft', { kind: 'note_aux_elus', title: 'Note aux élus — GHT Caen', joint: true })).ok).toBe(true);
    const id = (await state()).comms.drafts.at(-1)!.id;
    const editor = await openDraft(id);
    writeParagraph(editor.doc, 'Les élus sont informés de la cyberattaque.');
    await waitFor(() => textOf(editor.doc).length > 0);
    const first = await submitAndSeal(id);

    expect((await ars.send('comms.validate', { draftId: id, hash: first.sealed!.hash })).ok).toBe(true);
    expect(await draftOf(id)).toMatchObject({ status: 'soumis', approvals: [{ cell: 'ars', by: { name: 'Alice ARS' } }] });
    expect(await ars.send('comms.validate', { draftId: id, hash: first.sealed!.hash })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ars.send('comms.publish', { draftId: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await observer.send('comms.validate', { draftId: id, hash: first.sealed!.hash })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Every client hears it, with who and both clocks.
    const approved = await observer.waitForEvent((e) => e.type === 'comms.jointApproved');
    expect(approved).toMatchObject({ actor: { name: 'Alice ARS', cell: 'ars' }, payload: { cell: 'ars', hash: first.sealed!.hash } });
    expect(typeof approved.wallTime).toBe('number');
    expect(typeof approved.exerciseTime).toBe('number');

    // The Préfecture sends it back; the text changes; the ARS validation falls at the new seal.
    expect((await prefecture.send('comms.requestChanges', { draftId: id, comments: 'Citer le numéro vert.' })).ok).toBe(true);
    writeParagraph(editor.doc, 'Numéro vert : 0 800 000 000.');
    // A second reader of the document: once it has the edit, the server has it too (it relays only what it accepted).
    const reader = await openDraft(id);
    await waitFor(() => textOf(reader.doc).includes('Numéro vert'));
    reader.destroy();
    const second = await submitAndSeal(id);
    expect(second.sealed!.hash).not.toBe(first.sealed!.hash);
    expect(second.approvals).toEqual([]);
    await observer.waitForEvent((e) => e.type === 'comms.jointApprovalVoided');

    expect((await prefecture.send('comms.validate', { draftId: id, hash: second.sealed!.hash })).ok).toBe(true);
    expect((await draftOf(id)).status).toBe('soumis');
    expect((await ars.send('comms.validate', { draftId: id, hash: second.sealed!.hash })).ok).toBe(true);
    const validated = await draftOf(id);
    expect(validated.status).toBe('valide');
    expect(validated.versions[0]!.approvals.map((a) => [a.cell, a.by.name, a.hash])).toEqual([
      ['prefecture', 'Paul Préfecture', second.sealed!.hash],
      ['ars', 'Alice ARS', second.sealed!.hash],
    ]);
    expect((await prefecture.send('comms.publish', { draftId: id })).ok).toBe(true);
    expect((await draftOf(id)).status).toBe('publie');

    const report = buildReport(await state(), await server.server.store.events.read(room.roomId));
    expect(report.comms.jointProducts).toMatchObject([{ title: 'Note aux élus — GHT Caen', number: 1, published: true }]);
    expect(report.suggestions.some((s) => s.includes("validé conjointement par la Préfecture et l'ARS"))).toBe(true);
    editor.destroy();
  });

  it('records a rumour and its denial by the published note; observers read but may not record', async () => {
    expect(await observer.send('comms.recordRumour', { text: 'Le CHU fermerait ses urgences.', channel: 'reseaux_sociaux' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await prefecture.send('comms.recordRumour', { text: 'Le CHU fermerait ses urgences.', channel: 'reseaux_sociaux', source: 'Compte anonyme', seenMinutesAgo: 3 })).ok).toBe(true);
    const draftId = (await state()).comms.drafts.at(-1)!.id;
    expect((await ars.send('comms.denyRumour', { id: 'r1', draftId })).ok).toBe(true);
    const denied = await observer.waitForEvent((e) => e.type === 'comms.rumourDenied');
    expect(denied.payload).toMatchObject({ id: 'r1', draftId, version: 1 });
    expect(observer.events.some((e) => e.type === 'comms.rumourRecorded')).toBe(true);
    const rumour = (await state()).comms.rumours[0]!;
    expect(rumour.denial).toMatchObject({ draftId, version: 1, by: { name: 'Alice ARS' } });
    expect(await ars.send('comms.denyRumour', { id: 'r1', text: 'Encore' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
