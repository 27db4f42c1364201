import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../shared/directory/contact.js';
import { dictGet } from '../../shared/core/dict.js';
import { alertRefusal } from '../../shared/alert-chain/rules.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import { exerciseBanner } from '../../shared/notifications/state.js';
import { notificationQueued, notificationSent } from '../../shared/notifications/events.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, secondDirectorToken, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { ackLinkIn, startGateway, startSmtp, type TestGateway, type TestSmtp } from './peers.js';

const contact = (actor: string, rank: number, exercise: boolean): Contact => ({
  id: `${actor}-${rank}`,
  actor,
  name: `Contact ${rank} de ${actor}`,
  function: 'Astreinte',
  email: `${actor}.${rank}@exercice.example`,
  mobile: `+336${String(10_000_000 + rank * 1_000 + actor.length).slice(0, 8)}`,
  landline: null,
  rank,
  onCall: [],
  exercise,
});

describe('an exercise never lets a message out unless opted in', () => {
  let smtp: TestSmtp;
  let gateway: TestGateway;
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = await startGateway();
    server = await startServer({ env: { SMTP_URL: smtp.url, SMS_GATEWAY_URL: gateway.url, OUTBOX_RETRY_MS: '50' } });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
    await smtp?.close();
    await gateway?.close();
  });

  it('the whole regional scenario at ×10, every link alerted by mail and SMS to a full directory: 0 messages out', async () => {
    const room: TestRoom = await createRoom(server.url, { mode: 'exercise', title: 'ORSAN Cyber Normandie', scenario: 'cyber-ght-samu-normandie' });
    const director = await connect(server.url, room.directorToken);
    clients.push(director);
    const runtime = await server.server.rooms.get(room.roomId);
    // Every actor has two contacts, half of them marked as taking part: the real test is still off.
    const contacts = runtime.state.alertChain.actors.flatMap((a) => [contact(a.id, 1, true), contact(a.id, 2, false)]);
    expect((await director.send('directory.import', { contacts, file: 'annuaire-exercice.csv' })).ok).toBe(true);
    // Commands are rate-limited per session: the animation's alerts go through a second director session.
    const animator = await connect(server.url, await secondDirectorToken(room, 'Animatrice'));
    clients.push(animator);
    const cells = runtime.state.room.cells.map((c) => c.id);
    const players = new Map<string, TestClient>();
    for (const cell of cells) {
      const client = await connect(server.url, await tokenFor(room, 'player', cell));
      players.set(cell, client);
      clients.push(client);
    }

    /** Everyone alerts every link they may, by mail and SMS. */
    const alertEverything = async () => {
      for (const link of runtime.state.alertChain.links) {
        if (link.status !== 'a_alerter') continue;
        const byDirector = alertRefusal(runtime.state, { role: 'director' }, link.id) === null;
        const cell = cells.find((c) => alertRefusal(runtime.state, { role: 'player', cell: c }, link.id) === null);
        const sender = byDirector ? animator : cell ? players.get(cell) : undefined;
        if (!sender) continue;
        const ack = await sender.send('alertChain.alert', { linkId: link.id, channels: ['mail', 'sms'], message: `Alerte d'exercice sur ${link.id}.` });
        expect(ack, link.id).toMatchObject({ ok: true });
      }
    };

    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    await alertEverything();
    const order = runtime.state.exercise.animator!.order;
    for (const id of order) {
      const item = dictGet(runtime.state.exercise.animator!.items, id)!;
      if (item.status !== 'scheduled') continue;
      const due = parseOffset(item.stimulus.offset);
      if (runtime.now().exerciseTime < due - 200) {
        const jumped = await director.send('clock.jump', { exerciseTime: due - 200 });
        expect(jumped, JSON.stringify(jumped)).toMatchObject({ ok: true });
      }
      await director.waitForEvent((e) => ['stimulus.injected', 'stimulus.cancelled'].includes(e.type) && JSON.stringify(e.payload).includes(`"id":"${id}"`), 15_000);
      await alertEverything();
    }
    expect((await director.send('clock.end')).ok).toBe(true);

    const queued = director.events.filter(notificationQueued.is);
    // The check could fail: the outbox really had messages to send, and relays and escalations happened.
    expect(queued.length).toBeGreaterThan(runtime.state.alertChain.links.length);
    expect(queued.some((e) => e.payload.reason === 'relay')).toBe(true);
    expect(queued.every((e) => e.payload.delivery === 'simulated' && e.payload.exercise)).toBe(true);
    expect(runtime.state.notifications.items.every((n) => n.status === 'simulated')).toBe(true);
    expect(smtp.attempts).toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect(gateway.received).toHaveLength(0);
  }, 120_000);

  it('with the real test on, only the contacts marked as taking part receive, every message headed EXERCICE', async () => {
    const room = await createRoom(server.url, { mode: 'exercise', title: 'Test de chaîne' });
    const director = await connect(server.url, room.directorToken);
    const ars = await connect(server.url, await tokenFor(room, 'player', 'ars'));
    clients.push(director, ars);
    expect((await director.send('directory.import', { contacts: [contact('corruss', 1, true), contact('corruss', 2, false)], file: null })).ok).toBe(true);
    expect((await director.send('notification.setRealTest', { enabled: true })).ok).toBe(true);
    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await ars.send('alertChain.alert', { linkId: 'ars-corruss', channels: ['mail', 'sms'], message: 'Test réel de la chaîne.' })).ok).toBe(true);
    const [mail] = await smtp.waitFor(1);
    const [sms] = await gateway.waitFor(1);
    expect(JSON.stringify(mail!.to)).toContain('corruss.1@exercice.example');
    expect(mail!.subject!.startsWith(exerciseBanner)).toBe(true);
    expect(mail!.text!.startsWith(exerciseBanner)).toBe(true);
    expect(sms!.body.text.startsWith(exerciseBanner)).toBe(true);
    ackLinkIn(sms!.body.text);
    await ars.waitForEvent((e) => notificationSent.is(e) && e.payload.id === 'n2');

    // The rank-2 contact does not take part: the relay to them stays in the simulated outbox.
    await director.send('clock.jump', { exerciseTime: 16 * 60_000 });
    const relay = await director.waitForEvent((e) => notificationQueued.is(e) && e.payload.reason === 'relay');
    expect(relay.payload).toMatchObject({ contactId: 'corruss-2', delivery: 'simulated' });
    expect(smtp.attempts).toBe(1);
    expect(gateway.received).toHaveLength(1);
  });
});
