import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { expectConnectRefused, until } from './support.js';

let srv: TestServer;
let room: TestRoom;

beforeAll(async () => {
  srv = await startServer();
  room = await createRoom(srv.url);
});
afterAll(() => srv.close());

describe('join flow over REST', () => {
  it('lets the operator create a room and hands back a director code and link', async () => {
    const res = await srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Cyberattaque GHT Caen' }, OPERATOR_TOKEN);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ roomId: expect.any(String), access: 'code', directorSignInUrl: null, directorCode: expect.any(String), directorUrl: expect.any(String) });
    expect(res.body.directorUrl).toBe(`${srv.url}/join/${encodeURIComponent(res.body.directorCode)}`);

    const joined = await srv.api('POST', '/api/join', { code: res.body.directorCode, name: 'Claire Martin' });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ token: expect.any(String), roomId: res.body.roomId, role: 'director', cell: null });
  });

  it('refuses room creation without the operator token', async () => {
    const none = await srv.api('POST', '/api/rooms', { mode: 'exercise', title: 'x' });
    const wrong = await srv.api('POST', '/api/rooms', { mode: 'exercise', title: 'x' }, 'not-the-operator-token-xxxxxxxx');
    expect([none.status, none.body.error.code]).toEqual([401, 'unauthorized']);
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'unauthorized']);
  });

  it('accepts a code typed in lower case without dashes, and gives a player its cell', async () => {
    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars' }, room.directorToken);
    expect(inv.status).toBe(201);
    const typed = inv.body.code.replace(/-/g, '').toLowerCase();
    const joined = await srv.api('POST', '/api/join', { code: typed, name: 'Agent ARS' });
    expect(joined.body).toMatchObject({ roomId: room.roomId, role: 'player', cell: 'ars' });
  });

  it('lets the director list and revoke invitations; a revoked code no longer joins', async () => {
    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer', label: 'Presse' }, room.directorToken);
    const list = await srv.api('GET', `/api/rooms/${room.roomId}/invitations`, undefined, room.directorToken);
    expect(list.body.invitations).toContainEqual(expect.objectContaining({ id: inv.body.id, role: 'observer', label: 'Presse', revokedAt: null }));
    expect(JSON.stringify(list.body)).not.toContain(inv.body.code);

    const del = await srv.api('DELETE', `/api/rooms/${room.roomId}/invitations/${inv.body.id}`, undefined, room.directorToken);
    expect(del.body).toEqual({ revoked: true, revokedSessions: [] });
    const join = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Journaliste' });
    expect([join.status, join.body.error.code]).toEqual([401, 'unauthorized']);
    const again = await srv.api('DELETE', `/api/rooms/${room.roomId}/invitations/${inv.body.id}`, undefined, room.directorToken);
    expect(again.body.error.code).toBe('not_found');
  });

  it('keeps invitation management to the director', async () => {
    const playerToken = await tokenFor(room, 'player', 'prefecture');
    const res = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'director' }, playerToken);
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    const sessions = await srv.api('GET', `/api/rooms/${room.roomId}/sessions`, undefined, playerToken);
    expect(sessions.body.error.code).toBe('forbidden');
  });

  it('refuses an invitation that names no cell for a player, or a cell the room does not have', async () => {
    const noCell = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player' }, room.directorToken);
    const unknownCell = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'samu' }, room.directorToken);
    expect(noCell.body.error.code).toBe('invalid');
    expect(unknownCell.body.error.code).toBe('not_found');
  });

  it('refuses an expired invitation, and a session opened with it stops working when it expires', async () => {
    const expiresAt = new Date(Date.now() + 600).toISOString();
    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'evaluator', expiresAt }, room.directorToken);
    expect(inv.status).toBe(201);
    const joined = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Évaluatrice' });
    expect(joined.status).toBe(201);
    await until(() => Date.now() > Date.parse(expiresAt) + 20);

    const late = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Retardataire' });
    expect([late.status, late.body.error.code]).toEqual([401, 'unauthorized']);
    expect(late.body.error.message).toMatch(/expiré/);
    const session = await srv.api('GET', '/api/session', undefined, joined.body.token);
    expect(session.body.error.code).toBe('unauthorized');
    await expectConnectRefused(srv.url, joined.body.token, 'unauthorized');

    const past = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer', expiresAt: '2020-01-01T00:00:00Z' }, room.directorToken);
    expect(past.body.error.code).toBe('invalid');
  });

  it('lists sessions; revoking one sends `revoked` then disconnects its sockets, and it cannot reconnect', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Agent révoqué');
    const other = await connect(srv.url, await tokenFor(room, 'player', 'ars', 'Agent qui reste'));
    const client = await connect(srv.url, token);
    const secondTab = await connect(srv.url, token);
    const sessions = await srv.api('GET', `/api/rooms/${room.roomId}/sessions`, undefined, room.directorToken);
    const mine = sessions.body.sessions.find((s: { name: string }) => s.name === 'Agent révoqué');
    expect(mine).toMatchObject({ role: 'player', cell: 'ars', revokedAt: null });
    expect(JSON.stringify(sessions.body)).not.toContain(token);

    const seen: string[] = [];
    for (const c of [client, secondTab]) {
      c.socket.on('revoked', () => seen.push('revoked'));
      c.socket.on('disconnect', () => seen.push('disconnect'));
    }
    const del = await srv.api('DELETE', `/api/rooms/${room.roomId}/sessions/${mine.id}`, undefined, room.directorToken);
    expect(del.body).toEqual({ revoked: true });
    await until(() => seen.length === 4);
    expect(seen.filter((s) => s === 'revoked')).toHaveLength(2);
    expect(seen.indexOf('revoked')).toBeLessThan(seen.indexOf('disconnect'));
    expect(other.socket.connected).toBe(true);

    await expectConnectRefused(srv.url, token, 'unauthorized');
    const rest = await srv.api('GET', `/api/rooms/${room.roomId}/state`, undefined, token);
    expect(rest.body.error.code).toBe('unauthorized');
    other.close();
  });

  it('a participant logs herself out: her sockets are told why and closed, her token stops working, others stay', async () => {
    const token = await tokenFor(room, 'player', 'prefecture', 'Agent qui part');
    const stays = await connect(srv.url, await tokenFor(room, 'player', 'prefecture', 'Agent qui reste'));
    const client = await connect(srv.url, token);
    const told = new Promise<unknown>((resolve) => client.socket.once('revoked', resolve));
    const closed = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));

    const out = await srv.api('DELETE', `/api/rooms/${room.roomId}/session`, undefined, token);
    expect(out.body).toEqual({ revoked: true, endSessionUrl: null });
    await expect(told).resolves.toEqual({ reason: expect.stringContaining('déconnecté') });
    await closed;
    expect(stays.socket.connected).toBe(true);
    await expectConnectRefused(srv.url, token, 'unauthorized');
    // Once out, logging out again is refused as any call with a dead token; without a token too.
    expect((await srv.api('DELETE', `/api/rooms/${room.roomId}/session`, undefined, token)).body.error.code).toBe('unauthorized');
    expect((await srv.api('DELETE', `/api/rooms/${room.roomId}/session`)).body.error.code).toBe('unauthorized');
    stays.close();
  });

  it('revoking an invitation revokes every session opened with it', async () => {
    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer' }, room.directorToken);
    const a = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Observateur A' });
    const b = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Observateur B' });
    const client = await connect(srv.url, a.body.token);
    const gotRevoked = new Promise((resolve) => client.socket.once('revoked', resolve));
    const del = await srv.api('DELETE', `/api/rooms/${room.roomId}/invitations/${inv.body.id}`, undefined, room.directorToken);
    expect([...del.body.revokedSessions].sort()).toEqual([a.body.sessionId, b.body.sessionId].sort());
    await expect(gotRevoked).resolves.toEqual({ reason: expect.any(String) });
    await expectConnectRefused(srv.url, b.body.token, 'unauthorized');
  });
});
