import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPlanAction, readRetexDoc, retexFragments } from '../../shared/retex/plan.js';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { stockClient, waitFor } from '../collab/yjs-clients.js';

/** Writes a paragraph into a rich-text field as TipTap would (a paragraph element holding text). */
function writeParagraph(doc: Y.Doc, field: string, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(field).push([paragraph]);
}

describe('RETEX document: points forts, axes, plan d’actions', () => {
  let server: TestServer;
  let room: TestRoom;
  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court' });
  });
  afterAll(async () => server?.close());

  it('the director and an evaluator write it together; players read it only once the report is released; the Markdown export has it', async () => {
    const evaluatorToken = await tokenFor(room, 'evaluator');
    const arsToken = await tokenFor(room, 'player', 'ars');
    const director = stockClient(server.url, room.roomId, 'retex', room.directorToken);
    const evaluator = stockClient(server.url, room.roomId, 'retex', evaluatorToken);
    await director.whenSynced();
    await evaluator.whenSynced();

    writeParagraph(director.doc, retexFragments.strengths, 'Bascule du 15 décidée en 20 minutes');
    addPlanAction(evaluator.doc, { id: 'a1', action: 'Fiche réflexe alerte préfecture', owner: 'ARS — PVUS', due: '2027-01-15' });
    await waitFor(() => readRetexDoc(evaluator.doc).strengths.includes('Bascule du 15'));
    await waitFor(() => readRetexDoc(director.doc).plan.length === 1);

    const early = stockClient(server.url, room.roomId, 'retex', arsToken);
    await waitFor(() => early.closes.length > 0 || early.provider.wsconnected === false, 3000).catch(() => undefined);
    expect(early.provider.synced).toBe(false);
    early.destroy();

    const directorSocket = await connect(server.url, room.directorToken);
    expect((await directorSocket.send('retex.release')).ok).toBe(true);
    directorSocket.close();
    const player = stockClient(server.url, room.roomId, 'retex', arsToken);
    await player.whenSynced();
    expect(readRetexDoc(player.doc)).toEqual({
      strengths: 'Bascule du 15 décidée en 20 minutes',
      improvements: '',
      plan: [{ id: 'a1', action: 'Fiche réflexe alerte préfecture', owner: 'ARS — PVUS', due: '2027-01-15' }],
    });
    // A player reads but never writes the RETEX.
    addPlanAction(player.doc, { id: 'x', action: 'écrit par un joueur', owner: '', due: '' });
    await new Promise((r) => setTimeout(r, 300));
    expect(readRetexDoc(director.doc).plan.map((a) => a.id)).toEqual(['a1']);

    const md = await server.api('GET', `/api/rooms/${room.roomId}/report.md`, undefined, room.directorToken);
    expect(md.body).toContain('## Points forts\n\nBascule du 15 décidée en 20 minutes');
    expect(md.body).toContain('| Fiche réflexe alerte préfecture | ARS — PVUS | 2027-01-15 |');
    for (const c of [director, evaluator, player]) c.destroy();
  });
});
