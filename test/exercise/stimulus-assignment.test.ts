import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';

/** `stimulus.assign` through the real server and real socket.io clients (issue 18 #4: « attribuer à un membre de la cellule »). */
describe('assigning a stimulus to a member of the cell', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let claire: TestClient;
  let marc: TestClient;
  let paul: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    director = await connect(server.url, room.directorToken);
    claire = await connect(server.url, await tokenFor(room, 'player', 'ars', 'Claire (ARS)'));
    marc = await connect(server.url, await tokenFor(room, 'player', 'ars', 'Marc (ARS)'));
    paul = await connect(server.url, await tokenFor(room, 'player', 'prefecture', 'Paul (Préfecture)'));
    const created = await director.send('stimulus.create', {
      sender: 'medias',
      recipients: ['ars'],
      channel: 'telephone',
      subject: 'Appel de France Bleu',
      content: 'Confirmez-vous ?',
      injectNow: true,
    });
    expect(created).toMatchObject({ ok: true });
    await claire.waitForEvent((e) => e.type === 'stimulus.injected');
  });
  afterAll(async () => {
    for (const c of [director, claire, marc, paul]) c?.close();
    await server?.close();
  });

  const sessionOf = (c: TestClient) => c.welcome.me.sessionId;

  it('a player assigns a stimulus of the cell to a member who acted in it: the whole cell and the animation see it, the other cell does not', async () => {
    // Marc acknowledges: the room now knows him as a member of the ARS cell.
    expect(await marc.send('stimulus.acknowledge', { id: 'AH01' })).toMatchObject({ ok: true });
    const ack = await claire.send('stimulus.assign', { stimulusId: 'AH01', participantId: sessionOf(marc) });
    expect(ack).toMatchObject({ ok: true });
    const isAssign = (e: { type: string }) => e.type === 'stimulus.assigned';
    for (const c of [claire, marc, director]) {
      const event = await c.waitForEvent(isAssign);
      expect(event.payload).toEqual({ id: 'AH01', cell: 'ars', assignee: { sessionId: sessionOf(marc), name: 'Marc (ARS)' } });
      expect(event.actor.name).toBe('Claire (ARS)');
    }
    // Claire takes it back for herself (always a member of her own cell), then nobody has it.
    expect(await claire.send('stimulus.assign', { stimulusId: 'AH01', participantId: sessionOf(claire) })).toMatchObject({ ok: true });
    expect(await claire.send('stimulus.assign', { stimulusId: 'AH01', participantId: null })).toMatchObject({ ok: true });
    await marc.waitForEvent((e) => isAssign(e) && (e.payload as { assignee: unknown }).assignee === null);
    expect(paul.events.filter(isAssign)).toEqual([]);
  });

  it("another cell's player is refused with the same not_found as for a stimulus that does not exist", async () => {
    const refused = await paul.send('stimulus.assign', { stimulusId: 'AH01', participantId: sessionOf(paul) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const unknown = await paul.send('stimulus.assign', { stimulusId: 'ZZ99', participantId: sessionOf(paul) });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: refused.ok ? '' : refused.error.message.replace('AH01', 'ZZ99') } });
  });

  it('an assignee who is not a member of the cell is refused (another cell, or an unknown session)', async () => {
    // Paul has acted in the room (his refused commands do not count, so he acknowledges something of his own cell first).
    expect(await director.send('stimulus.create', { sender: 'medias', recipients: ['prefecture'], channel: 'mail', subject: 'Pour la Préfecture', content: '…', injectNow: true })).toMatchObject({
      ok: true,
    });
    await paul.waitForEvent((e) => e.type === 'stimulus.injected');
    expect(await paul.send('stimulus.acknowledge', { id: 'AH02' })).toMatchObject({ ok: true });
    for (const participantId of [sessionOf(paul), 'no-such-session']) {
      const refused = await claire.send('stimulus.assign', { stimulusId: 'AH01', participantId });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining("n'est pas membre de votre cellule") } });
    }
  });
});
