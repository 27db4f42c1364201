import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/directory/contact.js';
import { DirectoryImportRefusal, DirectoryImportResponse } from '../../shared/directory/rest.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { startServerProcess } from '../helpers/process.js';
import { rawConnection, rawGet } from '../helpers/raw-wire.js';

const fixture = fileURLToPath(new URL('./fixtures/annuaire-crise.csv', import.meta.url));

/** Every byte of personal data in the fixture and in what the tests add: none may reach an observer or an evaluator. */
const personal = [
  'camille.rousseau@corruss.example',
  'bastien.lefort@corruss.example',
  'ines.garnier@cert.example',
  '611223344',
  '755443322',
  '140566000',
  '172001122',
  'Camille Rousseau',
  'Bastien Lefort',
  'Garnier',
  'nouvelle.recrue@ars.example',
  '698765432',
];
const leaked = (text: string) => personal.filter((p) => text.includes(p));

async function importFile(room: TestRoom, token: string, data: string | Uint8Array<ArrayBuffer>, query: string, type = 'text/csv') {
  const res = await fetch(`${room.url}/api/rooms/${room.roomId}/directory/import?${query}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: data });
  return { status: res.status, body: (await res.json()) as unknown };
}

const directoryOf = async (room: TestRoom, token: string): Promise<Contact[]> => (await callState(room, token)).state.directory.contacts;
async function callState(room: TestRoom, token: string) {
  const res = await rawGet(room.url, `/api/rooms/${room.roomId}/state`, token);
  return JSON.parse(res.text) as { state: { directory: { contacts: Contact[]; source: { file: string | null } | null } } };
}

describe('DIRECTORY_FILE (CSV): a crisis room starts with the ARS directory', () => {
  let srv: TestServer;
  let room: TestRoom;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orsan-directory-'));
    file = join(dir, 'annuaire-crise.csv');
    copyFileSync(fixture, file);
    srv = await startServer({ env: { DIRECTORY_FILE: file } });
    room = await createRoom(srv.url, { mode: 'crisis', title: 'Crise cyber GHT' });
  });
  afterAll(async () => {
    await srv?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the director and a player see the contacts, by socket.io and by REST', async () => {
    const contacts = await directoryOf(room, room.directorToken);
    expect(contacts.map((c) => [c.id, c.email, c.mobile, c.landline])).toEqual([
      ['corruss-1', 'camille.rousseau@corruss.example', '+33611223344', '+33140566000'],
      ['corruss-2', 'bastien.lefort@corruss.example', '+33755443322', null],
      ['cert-sante-1', 'ines.garnier@cert.example', null, '+33172001122'],
    ]);
    expect((await callState(room, room.directorToken)).state.directory.source?.file).toBe('annuaire-crise.csv');
    const player = await connect(room.url, await tokenFor(room, 'player', 'ars'));
    const loaded = await player.waitForEvent((e) => e.type === 'directory.loaded');
    expect(JSON.stringify(loaded.payload)).toContain('ines.garnier@cert.example');
    player.close();
  });

  it('observers and evaluators get no byte of an e-mail, a phone or a name: snapshot, catch-up and live frames', async () => {
    const observer = rawConnection(room.url, await tokenFor(room, 'observer'));
    const evaluator = rawConnection(room.url, await tokenFor(room, 'evaluator'));
    await Promise.all([observer.welcomed, evaluator.welcomed]);
    const director = await connect(room.url, room.directorToken);
    const player = await connect(room.url, await tokenFor(room, 'player', 'prefecture'));
    const contact = {
      id: 'ars-astreinte-1',
      actor: 'ars-astreinte',
      name: 'Nouvelle Recrue',
      function: 'Cadre ARS',
      email: 'nouvelle.recrue@ars.example',
      mobile: '+33698765432',
      landline: null,
      rank: 1,
      onCall: [],
      exercise: false,
    };
    expect(await director.send('directory.saveContact', { contact })).toMatchObject({ ok: true });
    await player.waitForEvent((e) => e.type === 'directory.contactSaved');
    // An event every role sees, sent after: once it reached them, so would have the contact.
    expect(await director.send('room.announce', { text: 'Point de situation annuaire' })).toMatchObject({ ok: true });
    const announced = (frames: string[]) => frames.some((f) => f.includes('Point de situation annuaire'));
    await expect.poll(() => announced(observer.frames) && announced(evaluator.frames)).toBe(true);
    expect(leaked(observer.frames.join('\n'))).toEqual([]);
    expect(leaked(evaluator.frames.join('\n'))).toEqual([]);
    // The player's frames do carry them: the search above would find a leak.
    expect(leaked(JSON.stringify(player.events))).toContain('nouvelle.recrue@ars.example');
    for (const role of ['observer', 'evaluator'] as const) {
      const state = await rawGet(room.url, `/api/rooms/${room.roomId}/state`, await tokenFor(room, role));
      expect(state.status).toBe(200);
      expect(leaked(state.text)).toEqual([]);
      const events = await rawGet(room.url, `/api/rooms/${room.roomId}/events`, await tokenFor(room, role));
      expect(leaked(events.text)).toEqual([]);
    }
    for (const c of [observer, evaluator]) c.socket.close();
    director.close();
    player.close();
  });

  it('a bad file imported by the director → 400 invalid with every row and column, and the directory unchanged', async () => {
    const before = await directoryOf(room, room.directorToken);
    const bad = ['acteur,nom,email,mobile,rang', 'corruss,A,a@,06 12 34 56 78,1', 'samu-mars,B,b@b.example,,1', 'cert-sante,C,c@c.example,12,x'].join('\n');
    const answer = await importFile(room, room.directorToken, bad, 'file=annuaire.csv');
    expect(answer.status).toBe(400);
    const refusal = DirectoryImportRefusal.parse(answer.body);
    expect(refusal.error.details).toEqual([
      { line: 2, column: 'email', message: 'adresse de courriel invalide « a@ »' },
      { line: 3, column: 'acteur', message: "acteur inconnu « samu-mars » dans la chaîne d'alerte" },
      { line: 4, column: 'mobile', message: 'numéro de téléphone invalide « 12 »' },
      { line: 4, column: 'rang', message: 'rang invalide « x » (entier de 1 à 99)' },
    ]);
    expect(refusal.error.message).toContain('ligne 3, colonne acteur');
    expect(await directoryOf(room, room.directorToken)).toEqual(before);
  });

  it('a player or an observer may neither import nor export', async () => {
    const player = await tokenFor(room, 'player', 'ars');
    expect((await importFile(room, player, new Uint8Array(readFileSync(fixture)), 'file=a.csv')).status).toBe(403);
    expect((await rawGet(room.url, `/api/rooms/${room.roomId}/directory.csv`, player)).status).toBe(403);
    expect((await rawGet(room.url, `/api/rooms/${room.roomId}/directory.csv`, await tokenFor(room, 'observer'))).status).toBe(403);
  });

  it('a good file replaces the directory through the logged directory.import; the CSV export reads back the same', async () => {
    const director = await connect(room.url, room.directorToken);
    const csv = ['acteur,nom,fonction,email,mobile,telephone,rang,astreinte,exercice', 'anssi,Jeanne Morel,CERT-FR,=HYPERLINK("x"),,,1,,non'].join('\n');
    const refused = await importFile(room, room.directorToken, csv, 'format=csv');
    expect(refused.status).toBe(400);
    const good = csv.replace('=HYPERLINK("x")', 'jeanne.morel@anssi.example').replace(',,,1,', ',+33 6 01 02 03 04,,1,') + '\nanssi,"=1+1 Dupont",,j.dupont@anssi.example,,,2,,oui';
    const answer = await importFile(room, room.directorToken, good, 'file=nouvel-annuaire.csv');
    expect(answer.status).toBe(200);
    expect(DirectoryImportResponse.parse(answer.body)).toMatchObject({ contacts: 2, file: 'nouvel-annuaire.csv' });
    const logged = await director.waitForEvent((e) => e.type === 'directory.loaded' && JSON.stringify(e.payload).includes('jeanne.morel'));
    expect(logged.actor).toMatchObject({ kind: 'participant', role: 'director' });
    const contacts = await directoryOf(room, room.directorToken);
    expect(contacts.map((c) => [c.id, c.name, c.mobile])).toEqual([
      ['anssi-1', 'Jeanne Morel', '+33601020304'],
      ['anssi-2', '=1+1 Dupont', null],
    ]);
    const exported = await rawGet(room.url, `/api/rooms/${room.roomId}/directory.csv`, room.directorToken);
    expect(exported.status).toBe(200);
    // CSV injection: the formula-like name is defused, the phone too (and the import takes the mark off).
    expect(exported.text).toContain("'=1+1 Dupont");
    expect(exported.text).not.toMatch(/(^|,)=1\+1/m);
    expect(exported.text).toContain("'+33 6 01 02 03 04");
    const again = await importFile(room, room.directorToken, exported.text, 'file=export.csv');
    expect(again.status).toBe(200);
    expect(await directoryOf(room, room.directorToken)).toEqual(contacts);
    director.close();
  });

  it('an exercise room starts without a directory', async () => {
    const exercise = await createRoom(srv.url, { mode: 'exercise', scenario: 'demo-court' });
    expect(await directoryOf(exercise, exercise.directorToken)).toEqual([]);
  });

  it('a crisis room is refused, naming the rows, when the file became bad since the start', async () => {
    writeFileSync(file, 'acteur,nom,email,rang\ncorruss,Camille,camille@,1\n');
    const created = await srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Autre crise' }, OPERATOR_TOKEN);
    expect(created.status).toBe(400);
    expect(created.body.error).toMatchObject({ code: 'invalid', details: [{ line: 2, column: 'email', message: 'adresse de courriel invalide « camille@ »' }] });
    expect(created.body.error.message).toContain('ligne 2, colonne email : adresse de courriel invalide « camille@ »');
  });
});

describe('DIRECTORY_FILE (XLSX)', () => {
  let srv: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'orsan-directory-xlsx-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Annuaire');
    sheet.addRow(['Acteur', 'Nom', 'Fonction', 'E-mail', 'Mobile', 'Téléphone', 'Rang', 'Astreinte', 'Exercice']);
    // Numbers as Excel keeps them: the rank and a phone typed without its leading 0.
    sheet.addRow(['samu-voisin', 'Régulateur', 'Samu 14', 'regulation@samu14.example', 612345678, '', 1, 'sam,dim 08h00-20h00', 'Oui']);
    sheet.addRow(['cert-sante', 'Analyste', '', '', '', '+33 1 72 00 11 22', 2, '24/7', '']);
    writeFileSync(join(dir, 'annuaire.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    srv = await startServer({ env: { DIRECTORY_FILE: join(dir, 'annuaire.xlsx') } });
  });
  afterAll(async () => {
    await srv?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a crisis room reads it', async () => {
    const room = await createRoom(srv.url, { mode: 'crisis', title: 'Crise XLSX' });
    expect(await directoryOf(room, room.directorToken)).toEqual([
      {
        id: 'samu-voisin-1',
        actor: 'samu-voisin',
        name: 'Régulateur',
        function: 'Samu 14',
        email: 'regulation@samu14.example',
        mobile: '+33612345678',
        landline: null,
        rank: 1,
        onCall: [{ days: [6, 7], from: 480, to: 1200 }],
        exercise: true,
      },
      { id: 'cert-sante-2', actor: 'cert-sante', name: 'Analyste', function: '', email: null, mobile: null, landline: '+33172001122', rank: 2, onCall: [], exercise: false },
    ]);
  });
});

describe('a bad DIRECTORY_FILE', () => {
  it('stops the server at start, naming each bad row and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orsan-directory-bad-'));
    const file = join(dir, 'annuaire.csv');
    writeFileSync(file, 'acteur;nom;email;telephone;rang\ncorruss;A;a@a.example;;1\ninconnu;B;b@;01 02;1\n');
    try {
      await expect(startServerProcess({ env: { DIRECTORY_FILE: file }, readyTimeoutMs: 30_000 })).rejects.toThrow(
        /exited \(1\)[\s\S]*ligne 3, colonne acteur : acteur inconnu « inconnu »[\s\S]*ligne 3, colonne email : adresse de courriel invalide « b@ »[\s\S]*ligne 3, colonne telephone : numéro de téléphone invalide « 01 02 »/,
      );
      await expect(startServer({ env: { DIRECTORY_FILE: join(dir, 'absent.csv') } })).rejects.toThrow(/absent\.csv.*\n.*ligne 1, colonne  : fichier introuvable/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
