import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { fragmentToText } from '../../shared/comms/text.js';
import type { Draft } from '../../shared/comms/draft.js';
import { stockClient, waitFor, type StockClient } from '../collab/yjs-clients.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function writeParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
}

const textOf = (doc: Y.Doc) => fragmentToText(doc.getXmlFragment('default'));

/** Acceptance 5: the comms workflow; only the validating cell validates; a validated version never changes. */
describe('public communication drafts', () => {
  let server: TestServer;
  let room: TestRoom;
  let ars: TestClient;
  let prefecture: TestClient;
  let arsToken: string;
  let prefToken: string;

  const draftOf = async (id: string): Promise<Draft> => (await server.server.rooms.get(room.roomId)).state.comms.drafts.find((d) => d.id === id)!;
  const openDraft = async (id: string, token: string): Promise<StockClient> => {
    const client = stockClient(room.url, room.roomId, `comms-${id}`, token);
    await client.whenSynced();
    return client;
  };
  async function createDraft(title: string): Promise<string> {
    const ack = await ars.send('comms.createDraft', { kind: 'communique_presse', title });
    expect(ack.ok).toBe(true);
    return (await server.server.rooms.get(room.roomId)).state.comms.drafts.at(-1)!.id;
  }
  /** Submits, then waits for the server to seal the text it holds. */
  async function submitAndSeal(id: string): Promise<Draft> {
    expect((await ars.send('comms.submit', { draftId: id })).ok).toBe(true);
    const start = Date.now();
    while (Date.now() - start < 5000) {
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
    prefToken = await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture');
    const { connect } = await import('../helpers/room.js');
    [ars, prefecture] = [await connect(server.url, arsToken), await connect(server.url, prefToken)];
  });
  afterAll(async () => {
    ars.close();
    prefecture.close();
    await server.close();
  });

  it('co-edits a draft, seals what the server holds, lets only the Préfecture validate, and freezes the version', async () => {
    const id = await createDraft('Communiqué — GHT Caen');
    const [a, p] = [await openDraft(id, arsToken), await openDraft(id, prefToken)];
    writeParagraph(a.doc, 'Le GHT fait face à une cyberattaque.');
    writeParagraph(p.doc, 'La continuité des soins est assurée.');
    await waitFor(() => textOf(a.doc) === textOf(p.doc) && textOf(a.doc).split('\n').length === 2);
    const text = textOf(a.doc);

    const draft = await submitAndSeal(id);
    expect(draft.status).toBe('soumis');
    expect(draft.sealed).toMatchObject({ text, hash: sha256(text) });

    // Frozen while submitted: an edit is refused and never reaches the other editor.
    writeParagraph(a.doc, 'Ajout après soumission');
    await waitFor(() => a.closes.length > 0);
    expect(a.closes[0]).toBe(4403);
    expect(textOf(p.doc)).toBe(text);

    const byArs = await ars.send('comms.validate', { draftId: id, hash: draft.sealed!.hash });
    expect(byArs).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const wrongHash = await prefecture.send('comms.validate', { draftId: id, hash: sha256('autre texte') });
    expect(wrongHash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await prefecture.send('comms.validate', { draftId: id, hash: draft.sealed!.hash })).ok).toBe(true);

    const validated = await draftOf(id);
    expect(validated.status).toBe('valide');
    expect(validated.versions).toHaveLength(1);
    expect(validated.versions[0]).toMatchObject({ number: 1, text, hash: sha256(text), validatedBy: { name: 'Paul Préfecture', cell: 'prefecture' } });

    const late = await openDraft(id, prefToken);
    writeParagraph(late.doc, 'Modification de la version validée');
    await waitFor(() => late.closes.length > 0);
    expect((await draftOf(id)).versions[0]!.text).toBe(text);
    for (const c of [a, p, late]) c.destroy();
  });

  it('sends a draft back with comments, then publishes and reopens it without touching version 1', async () => {
    const id = await createDraft('Éléments de langage — standard');
    const editor = await openDraft(id, arsToken);
    writeParagraph(editor.doc, 'Version initiale.');
    await waitFor(() => textOf(editor.doc) === 'Version initiale.');
    await submitAndSeal(id);
    expect((await prefecture.send('comms.requestChanges', { draftId: id, comments: 'Préciser le numéro vert.' })).ok).toBe(true);
    expect(await draftOf(id)).toMatchObject({ status: 'a_reprendre', reviews: [{ comments: 'Préciser le numéro vert.', by: { cell: 'prefecture' } }] });

    const again = await openDraft(id, arsToken);
    writeParagraph(again.doc, 'Numéro vert : 0 800 000 000.');
    await waitFor(() => textOf(editor.doc).includes('Numéro vert'));
    const second = await submitAndSeal(id);
    expect((await prefecture.send('comms.validate', { draftId: id, hash: second.sealed!.hash })).ok).toBe(true);

    const director = await joinAs(room, 'director');
    expect((await prefecture.send('comms.publish', { draftId: id })).ok).toBe(true);
    const published = await director.waitForEvent((e) => e.type === 'comms.published');
    expect(published.payload).toMatchObject({ draftId: id, number: 1, text: second.sealed!.text });

    expect((await ars.send('comms.reopen', { draftId: id })).ok).toBe(true);
    writeParagraph(again.doc, 'Mise à jour de 14 h.');
    await waitFor(() => textOf(editor.doc).includes('14 h'));
    const third = await submitAndSeal(id);
    expect((await prefecture.send('comms.validate', { draftId: id, hash: third.sealed!.hash })).ok).toBe(true);
    const versions = (await draftOf(id)).versions;
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[0]).toMatchObject({ text: second.sealed!.text, hash: second.sealed!.hash });
    expect(versions[0]!.publishedAt).not.toBeNull();
    expect(versions[1]!.text).toContain('Mise à jour de 14 h.');
    for (const c of [editor, again]) c.destroy();
    director.close();
  });

  it('refuses observers as editors and as validators; the director names another validating cell', async () => {
    const id = await createDraft('Note interne');
    const observerToken = await tokenFor(room, 'observer');
    const observerDoc = await openDraft(id, observerToken);
    writeParagraph(observerDoc.doc, 'Écrit par un observateur');
    await waitFor(() => observerDoc.closes.length > 0);
    expect(observerDoc.closes[0]).toBe(4403);
    observerDoc.destroy();

    const director = await joinAs(room, 'director');
    expect((await director.send('comms.setValidator', { cell: 'ars' })).ok).toBe(true);
    const sealed = await submitAndSeal(id);
    expect((await prefecture.send('comms.validate', { draftId: id, hash: sealed.sealed!.hash })).ok).toBe(false);
    expect((await director.send('comms.validate', { draftId: id, hash: sealed.sealed!.hash })).ok).toBe(false);
    expect((await ars.send('comms.validate', { draftId: id, hash: sealed.sealed!.hash })).ok).toBe(true);
    director.close();
  });
});
