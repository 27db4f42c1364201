import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArchiveText } from '../../server/retex/archive-verify.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor } from '../helpers/room.js';
import { rawGet } from '../helpers/raw-wire.js';
import { writeDirectory } from '../notifications/directory-fixture.js';

describe('the archive leaves the crisis directory out, and still verifies', () => {
  let server: TestServer;
  let other: TestServer;
  let files: { dir: string; file: string };
  beforeAll(async () => {
    files = writeDirectory();
    server = await startServer({ env: { DIRECTORY_FILE: files.file } });
    other = await startServer();
  });
  afterAll(async () => {
    await server?.close();
    await other?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it('digests in place of e-mails and phones; the chain is intact; the imported room has no directory', async () => {
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise archivée' });
    const director = await connect(server.url, room.directorToken);
    const saved = await director.send('directory.saveContact', {
      contact: {
        id: 'cert-sante-1',
        actor: 'cert-sante',
        name: 'Inès Garnier',
        function: 'Analyste',
        email: 'ines.garnier@cert.example',
        mobile: '+33611112222',
        landline: null,
        rank: 1,
        onCall: [],
        exercise: false,
      },
    });
    expect(saved.ok).toBe(true);
    const ars = await connect(server.url, await tokenFor(room, 'player', 'ars'));
    expect((await ars.send('alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte CORRUSS.' })).ok).toBe(true);
    director.close();
    ars.close();

    const live = await rawGet(server.url, `/api/rooms/${room.roomId}/state`, room.directorToken);
    expect(live.text).toContain('camille.rousseau@corruss.example');
    const exported = await rawGet(server.url, `/api/rooms/${room.roomId}/archive`, room.directorToken);
    expect(exported.status).toBe(200);
    for (const personal of ['@corruss.example', '@ars.example', '@cert.example', '611223344', '611112222']) expect(exported.text).not.toContain(personal);
    expect(exported.text).toContain('"redacted":"donnees-personnelles"');
    expect(verifyArchiveText(exported.text)).toMatchObject({ intact: true });

    const imported = await other.api('POST', '/api/archives', JSON.parse(exported.text), OPERATOR_TOKEN);
    expect(imported.status).toBe(201);
    const runtime = await other.server.rooms.get(room.roomId);
    expect(runtime.state.directory.contacts).toEqual([]);
    // What the outbox did is still there: who was alerted, by which channel (names, no addresses).
    expect(runtime.state.notifications.items.map((n) => n.contactName)).toEqual(['Camille Rousseau']);
  });
});
