import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { linkAcknowledged } from '../../shared/alert-chain/events.js';
import { notificationQueued, notificationRetrying, notificationSent } from '../../shared/notifications/events.js';
import { smsMaxLength } from '../../shared/notifications/message.js';
import { entryAdded } from '../../shared/main-courante/events.js';
import { entriesOf } from '../../shared/main-courante/doc.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { ackLinkIn, startGateway, startSmtp, type TestGateway, type TestSmtp } from './peers.js';
import { writeDirectory } from './directory-fixture.js';
import { rawConnection, rawGet } from '../helpers/raw-wire.js';

const minutes = (n: number) => n * 60_000;
const to = (mail: { to?: unknown }) => JSON.stringify(mail.to);
const acknowledgedWith = (contact: string) => (e: RoomEvent) => linkAcknowledged.is(e) && e.payload.via?.contact === contact;

describe('a crisis room alerts CORRUSS by mail and SMS, and knows when it was acknowledged', () => {
  let smtp: TestSmtp;
  let gateway: TestGateway;
  let server: TestServer;
  let room: TestRoom;
  let ars: TestClient;
  let prefecture: TestClient;
  let director: TestClient;
  let files: { dir: string; file: string };
  const clock = new FakeClock(Date.parse('2026-12-02T09:00:00+01:00'));

  beforeAll(async () => {
    files = writeDirectory();
    smtp = await startSmtp();
    gateway = await startGateway();
    server = await startServer({
      clock,
      env: { DIRECTORY_FILE: files.file, SMTP_URL: smtp.url, MAIL_FROM: 'ORSAN Room <alerte@ars.example>', SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_TOKEN: 'gateway-secret', OUTBOX_RETRY_MS: '50' },
    });
    room = await createRoom(server.url, { mode: 'crisis', title: 'Cyberattaque GHT Eure-Seine' });
    ars = await connect(server.url, await tokenFor(room, 'player', 'ars', 'Léa Bernard'));
    prefecture = await connect(server.url, await tokenFor(room, 'player', 'prefecture', 'Marc Dubois'));
    director = await connect(server.url, room.directorToken);
  });
  afterAll(async () => {
    for (const c of [ars, prefecture, director]) c?.close();
    await server?.close();
    await smtp?.close();
    await gateway?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it('the mail arrives with the prefix, the message and the link; the SMS fits and carries its own link', async () => {
    const ack = await ars.send('alertChain.alert', { linkId: 'ars-corruss', channels: ['mail', 'sms'], message: 'Rançongiciel au CH Eure-Seine : SAMU 27 en bascule sur le 76.' });
    expect(ack).toMatchObject({ ok: true });
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).toMatch(/^\[ALERTE ORSAN\] Cyberattaque GHT Eure-Seine — ARS/);
    expect(to(mail!)).toContain('camille.rousseau@corruss.example');
    expect(mail!.text).toContain('Rançongiciel au CH Eure-Seine : SAMU 27 en bascule sur le 76.');
    expect(mail!.text).toContain('Léa Bernard');
    expect(mail!.messageId).toMatch(new RegExp(`^<${room.roomId}\\.n1@ars\\.example>$`));
    const [sms] = await gateway.waitFor(1);
    expect(sms!.authorization).toBe('Bearer gateway-secret');
    expect(sms!.body.to).toBe('+33611223344');
    expect(sms!.body.text.length).toBeLessThanOrEqual(smsMaxLength);
    expect(sms!.body.text).toMatch(/^\[ALERTE ORSAN\]/);
    expect(ackLinkIn(sms!.body.text)).not.toBe(ackLinkIn(mail!.text!));
    await ars.waitForEvent((e) => notificationSent.is(e) && e.payload.id === 'n2');
    expect(gateway.received).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
  });

  it('GET on the link changes nothing; POST acknowledges, live in both cells, with the contact name', async () => {
    const link = ackLinkIn(smtp.received[0]!.text!);
    const runtime = await server.server.rooms.get(room.roomId);
    const seqBefore = runtime.state.seq;
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Accuser réception');
    expect(html).toContain('Rançongiciel au CH Eure-Seine');
    expect(html).not.toContain('<script');
    // A mail scanner may open it twice: still nothing recorded.
    await fetch(link);
    expect(runtime.state.seq).toBe(seqBefore);
    expect(runtime.state.alertChain.links.find((l) => l.id === 'ars-corruss')!.status).toBe('alerte');

    const posted = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'reply=Bien+re%C3%A7u%2C+on+pr%C3%A9vient+le+HFDS' });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('Réception accusée');
    for (const client of [ars, prefecture]) {
      const event = await client.waitForEvent(acknowledgedWith('Camille Rousseau'));
      expect(linkAcknowledged.is(event) && event.payload.via).toMatchObject({ channel: 'lien', notificationId: 'n1', reply: 'Bien reçu, on prévient le HFDS' });
    }
    expect(runtime.state.notifications.items.find((n) => n.id === 'n1')!.acknowledgedAt).not.toBeNull();
    // The reply is CORRUSS's entry in the main courante: in the document and mirrored in the log.
    const mirrored = await prefecture.waitForEvent((e) => entryAdded.is(e) && e.payload.entry.text.includes('Bien reçu, on prévient le HFDS'));
    expect(entryAdded.is(mirrored) && mirrored.payload.entry).toMatchObject({ author: expect.stringContaining('Camille Rousseau'), links: { alertLinkId: 'ars-corruss' } });
    let inDoc: string[] = [];
    await server.server.docs.withDoc(
      room.roomId,
      'main-courante',
      async (doc) =>
        void (inDoc = entriesOf(doc)
          .toArray()
          .map((e) => e.text)),
    );
    expect(inDoc.some((t) => t.includes('Bien reçu, on prévient le HFDS'))).toBe(true);
  });

  it('a reused, forged or mangled token gets a clear page and no event', async () => {
    const runtime = await server.server.rooms.get(room.roomId);
    const seq = runtime.state.seq;
    const reused = await fetch(ackLinkIn(smtp.received[0]!.text!), { method: 'POST' });
    expect(reused.status).toBe(409);
    expect(await reused.text()).toContain('déjà accusée par Camille Rousseau');
    const forged = await fetch(`${server.url}/ack/${room.roomId}.${'A'.repeat(32)}`, { method: 'POST' });
    expect(forged.status).toBe(404);
    expect(await forged.text()).toContain('inconnu');
    const mangled = await fetch(`${server.url}/ack/%00%27%3Cscript%3E`);
    expect(mangled.status).toBe(404);
    const otherRoom = await fetch(`${server.url}/ack/zzzzzzzzzzzz.${'B'.repeat(32)}`);
    expect(otherRoom.status).toBe(404);
    expect(runtime.state.seq).toBe(seq);
  });

  it('no acknowledgement in time: the rank-2 contact receives the alert, then the backup actor', async () => {
    const before = smtp.received.length;
    expect(
      (await director.send('alertChain.alert', { linkId: 'etab-ars-astreinte', channels: ['mail'], message: "Le CH Eure-Seine signale une cyberattaque : messagerie et DPI à l'arrêt." })).ok,
    ).toBe(true);
    const [first] = (await smtp.waitFor(before + 1)).slice(before);
    expect(to(first!)).toContain('alice.martin@ars.example');

    // 15 minutes pass without acknowledgement; the next event of the room wakes the deadline watcher.
    clock.jump(minutes(16));
    await director.send('room.announce', { text: 'Point de situation à 10 h 00.' });
    const [second] = (await smtp.waitFor(before + 2)).slice(before + 1);
    expect(to(second!)).toContain('bruno.petit@ars.example');
    await director.waitForEvent((e) => e.type === 'alertChain.relayed');

    clock.jump(minutes(16));
    await director.send('room.announce', { text: 'Toujours pas de réponse de l’astreinte.' });
    const [third] = (await smtp.waitFor(before + 3)).slice(before + 2);
    expect(to(third!)).toContain('claire.durand@ars.example');
    const escalated = await director.waitForEvent((e) => e.type === 'alertChain.escalated');
    expect(escalated.payload).toMatchObject({ linkId: 'etab-ars-astreinte', backup: 'ars-direction-astreinte' });
    const queued = director.events.filter(notificationQueued.is).map((e) => [e.payload.contactName, e.payload.reason]);
    expect(queued).toEqual(
      expect.arrayContaining([
        ['Alice Martin', 'alert'],
        ['Bruno Petit', 'relay'],
        ['Claire Durand', 'escalation'],
      ]),
    );
  });

  it('observers, evaluators and the released RETEX never carry a contact’s e-mail or phone', async () => {
    const personal = ['@corruss.example', '@ars.example', '611223344', '755443322', '601020304', '609080706', '06 11 22 33 44'];
    const leaks = (text: string) => personal.filter((p) => text.includes(p));
    // The check could fail: the director's bytes have them.
    expect(leaks((await rawGet(server.url, `/api/rooms/${room.roomId}/state`, room.directorToken)).text).length).toBeGreaterThan(0);
    expect((await director.send('retex.release')).ok).toBe(true);
    for (const role of ['observer', 'evaluator'] as const) {
      const token = await tokenFor(room, role);
      const wire = rawConnection(server.url, token);
      await wire.welcomed;
      const texts = [...wire.frames];
      for (const path of ['state', 'events', 'report', 'report.md', 'alert-chain/measures', 'alert-chain/measures.csv']) {
        const answer = await rawGet(server.url, `/api/rooms/${room.roomId}/${path}`, token);
        expect(answer.status, path).toBe(200);
        texts.push(answer.text);
      }
      wire.socket.close();
      // What the room says of the alerts is there — who was reached, and how it went — but no address.
      expect(texts.join('\n')).toContain('Camille Rousseau');
      expect(leaks(texts.join('\n'))).toEqual([]);
    }
    const ars = await tokenFor(room, 'player', 'ars');
    expect(leaks((await rawGet(server.url, `/api/rooms/${room.roomId}/report.md`, ars)).text)).toEqual([]);
  });

  it('once the room has ended, an unused link has expired', async () => {
    const smsLink = ackLinkIn(gateway.received[0]!.body.text);
    expect((await director.send('clock.end')).ok).toBe(true);
    const page = await fetch(smsLink);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('expiré');
  });
});

describe('the relay refuses, is down, then comes back: retried, status shown, exactly one mail', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let files: { dir: string; file: string };
  beforeAll(async () => {
    files = writeDirectory();
    smtp = await startSmtp();
    server = await startServer({ env: { DIRECTORY_FILE: files.file, SMTP_URL: smtp.url, OUTBOX_RETRY_MS: '40', OUTBOX_MAX_ATTEMPTS: '20' } });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it('550, then connection refused, then accepted', async () => {
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise — relais capricieux' });
    const ars = await connect(server.url, await tokenFor(room, 'player', 'ars'));
    smtp.mode = 'reject';
    expect((await ars.send('alertChain.alert', { linkId: 'ars-corruss', channels: ['mail'], message: 'Alerte CORRUSS.' })).ok).toBe(true);
    const refused = await ars.waitForEvent((e) => notificationRetrying.is(e) && e.payload.error.startsWith('550'));
    expect(refused.payload).toMatchObject({ id: 'n1', attempt: 1 });
    // The relay goes away altogether.
    const port = smtp.port;
    await smtp.close();
    const unreachable = await ars.waitForEvent((e) => notificationRetrying.is(e) && /ECONNREFUSED|connect/i.test(e.payload.error));
    expect((unreachable.payload as { attempt: number }).attempt).toBeGreaterThan(1);
    // It comes back on the same port.
    smtp = await startSmtp(port);
    await ars.waitForEvent(notificationSent.is, 20_000);
    expect(smtp.received).toHaveLength(1);
    expect(to(smtp.received[0]!)).toContain('camille.rousseau@corruss.example');
    const runtime = await server.server.rooms.get(room.roomId);
    const n1 = runtime.state.notifications.items.find((n) => n.id === 'n1')!;
    expect(n1.status).toBe('sent');
    expect(n1.attempts.length).toBeGreaterThanOrEqual(3);
    ars.close();
  });
});
