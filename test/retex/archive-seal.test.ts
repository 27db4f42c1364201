import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { appendEntries, mainCouranteDocName } from '../../shared/main-courante/doc.js';
import type { RoomArchive } from '../../shared/retex/archive.js';
import { verifyArchiveText } from '../../server/retex/archive-verify.js';
import { hashEvent, verifyChain } from '../../server/store/hash-chain.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { repoRoot } from '../helpers/process.js';
import { authorOf, entry, openMainCourante, type Author } from '../collab/yjs-clients.js';

const run = promisify(execFile);

/** The archive with its main courante document replaced by `edit` applied to it, as someone editing the file would. */
function withEditedMainCourante(archive: RoomArchive, edit: (doc: Y.Doc) => void): RoomArchive {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(archive.docs[mainCouranteDocName]!, 'base64'));
  edit(doc);
  return { ...archive, docs: { ...archive.docs, [mainCouranteDocName]: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') } };
}

describe('room archive: the documents and the hidden events are under the hash chain', () => {
  let server: TestServer;
  let other: TestServer;
  let room: TestRoom;
  let ars: TestClient;
  let arsToken: string;
  let alice: Author;
  let archive: RoomArchive;

  const exportArchive = async (): Promise<RoomArchive> => {
    const res = await server.api('GET', `/api/rooms/${room.roomId}/archive`, undefined, room.directorToken);
    expect(res.status).toBe(200);
    return res.body;
  };
  const writeEntry = async (text: string) => {
    const writer = await openMainCourante(room, arsToken);
    const before = ars.events.length;
    appendEntries(writer.doc, [entry(alice, text)]);
    await ars.waitForEvent((e) => e.type === 'mainCourante.entryAdded' && ars.events.indexOf(e) >= before);
    writer.destroy();
  };

  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice scellé' });
    const director = await connect(server.url, room.directorToken);
    arsToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    ars = await connect(server.url, arsToken);
    alice = await authorOf(server, arsToken);
    await director.send('clock.start');
    await ars.waitForEvent((e) => e.type === 'stimulus.injected');
    await writeEntry('Plan blanc déclenché au CHU');
    director.close();
    archive = await exportArchive();
  });
  afterAll(async () => {
    ars?.close();
    await server?.close();
    await other?.close();
  });

  it('ends with archive.sealed: the sha256 of each document it carries, for the director only', () => {
    const seal = archive.events.at(-1)!;
    expect(seal).toMatchObject({ type: 'archive.sealed', visibility: 'director', actor: { kind: 'system' } });
    const names = (seal.payload as { docs: Array<{ name: string }> }).docs.map((d) => d.name);
    expect(names).toEqual(Object.keys(archive.docs).sort());
    expect(names).toContain(mainCouranteDocName);
    expect(verifyArchiveText(JSON.stringify(archive))).toEqual({ intact: true, events: archive.events.length, docs: names.length, headHash: seal.hash });
  });

  it('carries the room salt: hidden events verify with it, and their hashes cannot be recomputed from their plaintext', () => {
    const salt = archive.chainSalt;
    expect(salt).toEqual({ secret: expect.stringMatching(/^[0-9a-f]{64}$/), fromSeq: 1 });
    const hidden = archive.events.filter((e) => e.visibility !== 'all');
    expect(hidden.length).toBeGreaterThan(0);
    for (const e of hidden) expect(hashEvent(e, null)).not.toBe(e.hash);
    expect(verifyChain(archive.events, salt)).toBeNull();
    const unsalted = { ...archive, chainSalt: null };
    expect(verifyArchiveText(JSON.stringify(unsalted))).toMatchObject({ intact: false, reason: expect.stringMatching(/contenu modifié/) });
    // The salt travels in no event nor snapshot a participant receives.
    expect(JSON.stringify([ars.welcome, ars.events])).not.toContain(salt!.secret);
  });

  it('verify and import refuse an edited, added or removed document, naming it', async () => {
    const edited = withEditedMainCourante(archive, (doc) => appendEntries(doc, [entry(alice, 'Entrée ajoutée dans le fichier')]));
    expect(verifyArchiveText(JSON.stringify(edited))).toMatchObject({ intact: false, document: mainCouranteDocName, reason: expect.stringMatching(/document « main-courante » modifié/) });
    const added = { ...archive, docs: { ...archive.docs, 'animator-notes': archive.docs[mainCouranteDocName]! } };
    expect(verifyArchiveText(JSON.stringify(added))).toMatchObject({ intact: false, document: 'animator-notes', reason: expect.stringMatching(/absent du scellement/) });
    const removed = { ...archive, docs: {} };
    expect(verifyArchiveText(JSON.stringify(removed))).toMatchObject({ intact: false, document: mainCouranteDocName, reason: expect.stringMatching(/manquant/) });
    const unsealed = { ...archive, events: archive.events.slice(0, -1) };
    expect(verifyArchiveText(JSON.stringify(unsealed))).toMatchObject({ intact: false, reason: expect.stringMatching(/ne se termine pas par son scellement/) });

    const refused = await other.api('POST', '/api/archives', edited, OPERATOR_TOKEN);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid', message: expect.stringMatching(/document « main-courante » modifié/) });
    expect(await other.server.store.events.headSeq(room.roomId)).toBe(0);

    const dir = mkdtempSync(join(tmpdir(), 'orsan-seal-'));
    writeFileSync(join(dir, 'edited.json'), JSON.stringify(edited, null, 2));
    const cli = await run('npx', ['tsx', 'scripts/verify-archive.ts', join(dir, 'edited.json')], { cwd: repoRoot }).catch((e) => e);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/ALTÉRÉE — document « main-courante » modifié/);
  });

  it('exports a live room again: a new seal covers the documents as they are now, and both archives verify', async () => {
    await writeEntry('Cellule de crise hospitalière activée');
    const again = await exportArchive();
    expect(again.events.length).toBeGreaterThan(archive.events.length);
    expect(again.events.slice(0, archive.events.length)).toEqual(archive.events);
    expect(again.docs[mainCouranteDocName]).not.toBe(archive.docs[mainCouranteDocName]);
    expect(verifyArchiveText(JSON.stringify(again))).toMatchObject({ intact: true });
    expect(verifyArchiveText(JSON.stringify(archive))).toMatchObject({ intact: true });
  });

  it('imports with its salt and documents; the imported room exports an archive that still verifies', async () => {
    const imported = await other.api('POST', '/api/archives', archive, OPERATOR_TOKEN);
    expect(imported.status).toBe(201);
    expect(await other.server.store.events.chainSalt(room.roomId)).toEqual(archive.chainSalt);
    const joined = await other.api('POST', '/api/join', { code: imported.body.directorCode, name: 'Analyste RETEX' });
    const res = await other.api('GET', `/api/rooms/${room.roomId}/archive`, undefined, joined.body.token);
    expect(res.status).toBe(200);
    const reexported: RoomArchive = res.body;
    expect(reexported.events).toEqual(archive.events);
    expect(reexported.docs).toEqual(archive.docs);
    expect(verifyArchiveText(JSON.stringify(reexported))).toMatchObject({ intact: true });
  });

  it('never calls a format 1 archive (no seal, no salt) intact, though it reports its chain', () => {
    let prevHash = GENESIS_HASH;
    const events: RoomEvent[] = archive.events.slice(0, -1).map((e) => {
      const unhashed = { ...e, prevHash };
      prevHash = hashEvent(unhashed, null);
      return { ...unhashed, hash: prevHash };
    });
    const { chainSalt: _salt, ...rest } = archive;
    const v1 = { ...rest, version: 1, events };
    expect(verifyArchiveText(JSON.stringify(v1))).toMatchObject({ intact: false, reason: expect.stringMatching(/format 1 : la chaîne de ses \d+ événements est intacte, mais ses documents/) });
  });
});
