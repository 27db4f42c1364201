import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { FakeClock } from '../helpers/fake-clock.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
import { stockClient, waitFor } from '../collab/yjs-clients.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import { expectConnectRefused } from './support.js';

const minute = 60_000;

/** `promise`, or a failure naming what never happened (instead of the test's own long timeout). */
function within<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

describe('an expiring invitation ends the connections already open with it', () => {
  const clock = new FakeClock();
  let srv: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    srv = await startServer({ clock });
    room = await createRoom(srv.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv.close();
  });

  /** A player session whose invitation expires `inMs` from the fake now. */
  async function expiringPlayer(inMs: number): Promise<{ token: string; expiresAt: number }> {
    const expiresAt = clock.now() + inMs;
    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars', expiresAt: new Date(expiresAt).toISOString() }, room.directorToken);
    expect(inv.status).toBe(201);
    const joined = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Agent ARS' });
    return { token: joined.body.token, expiresAt };
  }

  it('refuses a command on the open socket as soon as the session has expired', async () => {
    const { token } = await expiringPlayer(10 * minute);
    const socket = await connect(srv.url, token);
    clients.push(socket);
    // Past the expiry, before any timer had a chance to run.
    clock.jump(10 * minute);
    expect(await socket.send('participant.checkIn', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('disconnects the socket (saying why) and closes the Yjs connection at the expiry', async () => {
    const { token, expiresAt } = await expiringPlayer(10 * minute);
    const socket = await connect(srv.url, token);
    clients.push(socket);
    const yjs = stockClient(srv.url, room.roomId, 'main-courante', token);
    await yjs.whenSynced();
    const ended = new Promise<{ reason: string }>((resolve) => socket.socket.once('revoked', resolve));
    const disconnected = new Promise<void>((resolve) => socket.socket.once('disconnect', () => resolve()));

    clock.advance(expiresAt - clock.now());

    expect((await within(ended, 'revoked message')).reason).toMatch(/expiré/);
    await within(disconnected, 'socket disconnected');
    await waitFor(() => yjs.closes.includes(yjsCloseCodes.revoked), 5_000, 'yjs closed with 4401');
    // 4401 is in the range the stock client never reconnects from, and a new handshake is refused anyway.
    expect(yjs.provider.wsconnected).toBe(false);
    await expectConnectRefused(srv.url, token, 'unauthorized');
    yjs.destroy();
  });

  it('keeps one timer per session however many connections it opens, and none once revoked', async () => {
    const before = clock.pendingTimers();
    const { token } = await expiringPlayer(10 * minute);
    for (let i = 0; i < 3; i++) clients.push(await connect(srv.url, token));
    expect(clock.pendingTimers()).toBe(before + 1);
    const session = await srv.api('GET', '/api/session', undefined, token);
    await srv.server.access.revokeSession(room.roomId, session.body.sessionId);
    expect(clock.pendingTimers()).toBe(before);
  });
});
