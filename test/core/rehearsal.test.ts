import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/core/errors.js';
import { findEvent } from '../../shared/domain.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
import { logFingerprint } from './support.js';

/**
 * Issue 11, defect 1 (the second half): an event used to be appended before its reducer had run, so a reducer
 * that threw left an event in the log that no replay could get past. Each command's events are now rehearsed —
 * schema, then reducers on a copy of the state and of every audience's projection — before the append.
 */
let srv: TestServer;
let room: TestRoom;
let director: TestClient;
let ars: TestClient;

beforeAll(async () => {
  srv = await startServer();
  room = await createRoom(srv.url);
  director = await connect(srv.url, room.directorToken);
  ars = await joinAs(room, 'player', 'ars');
});
afterAll(async () => {
  director.close();
  ars.close();
  await srv.close();
});

describe('events are rehearsed before they are appended', () => {
  it('refuses a system draft whose payload breaks its event schema, and appends nothing', async () => {
    const before = await logFingerprint(srv.server, room.roomId);
    const runtime = await srv.server.rooms.get(room.roomId);
    const appended = runtime.appendSystem(() => [{ type: 'room.renamed', payload: { title: 42 }, visibility: 'all' }]);
    await expect(appended).rejects.toThrow(DomainError);
    await expect(appended).rejects.toMatchObject({ code: 'invalid' });
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
  });

  it('refuses a command whose reducer throws with a typed error; the log is unchanged and the room serves on', async () => {
    const before = await logFingerprint(srv.server, room.roomId);
    // Fault injection: the reducer of `room.announced` fails once, as a reducer bug would.
    const spec = findEvent('room.announced')!;
    const fault = vi.spyOn(spec, 'apply').mockImplementationOnce(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
    try {
      const ack = await director.send('room.announce', { text: 'Réunion à 10 h.' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/avant écriture au journal/) } });
    } finally {
      fault.mockRestore();
    }
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);

    const next = await director.send('room.announce', { text: 'Réunion à 10 h.' });
    expect(next).toMatchObject({ ok: true, seq: before.length + 1 });
    await ars.waitForEvent((e) => e.type === 'room.announced' && e.seq === before.length + 1);
  });

  it('refuses when a player projection cannot apply the events, though the full state can', async () => {
    // Build the ARS players' projection (it is built on first use), then make only its reducer call fail.
    const runtime = await srv.server.rooms.get(room.roomId);
    await runtime.exclusive(() => runtime.stateFor({ role: 'player', cell: 'ars' }));
    const before = await logFingerprint(srv.server, room.roomId);
    const spec = findEvent('room.announced')!;
    const real = spec.apply.bind(spec);
    let calls = 0;
    const fault = vi.spyOn(spec, 'apply').mockImplementation((state, payload, event) => {
      calls++;
      if (calls === 2) throw new RangeError('projection reducer failed');
      return real(state, payload, event);
    });
    try {
      const ack = await director.send('room.announce', { text: 'Deuxième annonce.' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid' } });
    } finally {
      fault.mockRestore();
    }
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
  });
});
