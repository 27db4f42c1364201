import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../shared/core/limits.js';
import type { CommandAck } from '../../shared/protocol.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, secondDirectorToken, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { expectConnectRefused, logFingerprint } from './support.js';

let srv: TestServer;
let room: TestRoom;
let other: TestRoom;
let director: TestClient;

beforeAll(async () => {
  srv = await startServer();
  room = await createRoom(srv.url);
  other = await createRoom(srv.url, { title: 'Autre salle' });
  director = await joinAs(room, 'director');
});
afterAll(async () => {
  director.close();
  await srv.close();
});

/** Raw emit: lets a test send what the typed helper would not (no ack, not an object…). */
const rawCommand = (client: TestClient, envelope: unknown) => client.socket.timeout(5_000).emitWithAck('command', envelope) as Promise<CommandAck>;

/**
 * Each row: a bad input, the error code it must get; afterwards the log must be exactly as before
 * and the server must still accept a valid command.
 */
const socketCases: Array<[string, () => Promise<CommandAck>, string]> = [
  ['unknown command type', () => director.send('room.explode', {}), 'invalid'],
  ['wrong payload types', () => director.send('room.rename', { title: 42 }), 'invalid'],
  ['missing payload field', () => director.send('clock.setSpeed', {}), 'invalid'],
  ['payload out of range', () => director.send('clock.setSpeed', { speed: 1000 }), 'invalid'],
  ['envelope is a string', () => rawCommand(director, 'room.rename'), 'invalid'],
  ['envelope is null', () => rawCommand(director, null), 'invalid'],
  ['envelope is an array', () => rawCommand(director, [randomUUID(), 'room.rename', { title: 'x' }]), 'invalid'],
  ['envelope without id', () => rawCommand(director, { type: 'room.rename', payload: { title: 'x' } }), 'invalid'],
  ['command id too short', () => rawCommand(director, { id: 'x', type: 'room.rename', payload: { title: 'x' } }), 'invalid'],
  [`oversize command (> ${limits.maxCommandBytes} B)`, () => director.send('room.announce', { text: 'x'.repeat(limits.maxCommandBytes + 10) }), 'too_large'],
  ['text over the domain limit', () => director.send('room.announce', { text: 'x'.repeat(501) }), 'invalid'],
  ['domain refusal (pause before start)', () => director.send('clock.pause', {}), 'conflict'],
];

describe('bad input gets its error code, leaves the log untouched, and the server keeps serving', () => {
  it.each(socketCases)('socket: %s → %s', async (_name, send, code) => {
    const before = await logFingerprint(srv.server, room.roomId);
    const ack = await send();
    expect(ack).toMatchObject({ ok: false, error: { code, message: expect.any(String) } });
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
    await expectStillServing(before.length);
  });

  it('ignores a command sent without an ack callback', async () => {
    const before = await logFingerprint(srv.server, room.roomId);
    director.socket.emit('command', { id: randomUUID(), type: 'room.rename', payload: { title: 'Sans accusé' } });
    await new Promise((r) => setTimeout(r, 100));
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
    expect(director.socket.connected).toBe(true);
    await expectStillServing(before.length);
  });

  it('rate-limits a burst of commands from one session', async () => {
    // A second director session: the limit is per session, so the main director must not share it.
    const burster = await connect(srv.url, await secondDirectorToken(room));
    const before = await logFingerprint(srv.server, room.roomId);
    // Refused by the domain (the clock is not running): the burst itself appends nothing.
    const acks = await Promise.all(Array.from({ length: limits.commandBurst + 20 }, () => burster.send('clock.pause', {})));
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(20);
    expect(codes.filter((c) => c === 'conflict').length).toBeLessThanOrEqual(limits.commandBurst);
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
    burster.close();
    // The limit is per session: the others are not slowed down.
    await expectStillServing(before.length);
  });

  it.each([
    ['an unknown token', 'jeton-inconnu-0123456789'],
    ['an empty token', ''],
    ['a token that is not a string', 12345],
  ])('refuses the handshake with %s (unauthorized)', async (_name, token) => {
    const before = await logFingerprint(srv.server, room.roomId);
    await expectConnectRefused(srv.url, token, 'unauthorized');
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
  });

  it('refuses the handshake with a bad lastSeq, an expired token or a revoked token', async () => {
    const token = await tokenFor(room, 'observer');
    await expectConnectRefused(srv.url, token, 'unauthorized', { lastSeq: -3 });

    const inv = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer', expiresAt: new Date(Date.now() + 300).toISOString() }, room.directorToken);
    const expiring = await srv.api('POST', '/api/join', { code: inv.body.code, name: 'Éphémère' });
    await new Promise((r) => setTimeout(r, 350));
    await expectConnectRefused(srv.url, expiring.body.token, 'unauthorized');

    const session = await srv.api('GET', '/api/session', undefined, token);
    await srv.api('DELETE', `/api/rooms/${room.roomId}/sessions/${session.body.sessionId}`, undefined, room.directorToken);
    await expectConnectRefused(srv.url, token, 'unauthorized');
    await expectStillServing((await logFingerprint(srv.server, room.roomId)).length);
  });
});

describe('bad REST input', () => {
  it('answers malformed JSON with 400 invalid', async () => {
    const res = await srv.api('POST', '/api/join', '{"code": "ABCDE-FGHIJ", "name": ');
    expect([res.status, res.body.error.code]).toEqual([400, 'invalid']);
    const notJsonObject = await srv.api('POST', '/api/join', { code: 12, name: ['x'] });
    expect([notJsonObject.status, notJsonObject.body.error.code]).toEqual([400, 'invalid']);
    expect(notJsonObject.body.error.message).toMatch(/code/);
  });

  it("refuses another room's id in the path with forbidden, and leaves both logs untouched", async () => {
    const mine = await logFingerprint(srv.server, room.roomId);
    const theirs = await logFingerprint(srv.server, other.roomId);
    const calls: Array<[string, string, unknown?]> = [
      ['GET', `/api/rooms/${other.roomId}/state`],
      ['GET', `/api/rooms/${other.roomId}/invitations`],
      ['POST', `/api/rooms/${other.roomId}/invitations`, { role: 'director' }],
      ['GET', `/api/rooms/${other.roomId}/sessions`],
      ['DELETE', `/api/rooms/${other.roomId}/sessions/whatever`],
      ['DELETE', `/api/rooms/${other.roomId}/invitations/whatever`],
    ];
    for (const [method, path, body] of calls) {
      const res = await srv.api(method, path, body, room.directorToken);
      expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(mine);
    expect(await logFingerprint(srv.server, other.roomId)).toEqual(theirs);
    const invitations = await srv.api('GET', `/api/rooms/${other.roomId}/invitations`, undefined, other.directorToken);
    expect(invitations.body.invitations).toHaveLength(1);
  });

  it('answers an unknown API route with 404 not_found', async () => {
    const res = await srv.api('GET', '/api/nothing-here');
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
  });
});

/** A valid command still goes through and appends exactly one event after `length`. */
async function expectStillServing(length: number): Promise<void> {
  const ack = await director.send('room.rename', { title: `Salle ${randomUUID().slice(0, 8)}` });
  expect(ack).toEqual({ ok: true, seq: length + 1 });
  await director.waitForEvent((e) => e.seq === length + 1);
}
