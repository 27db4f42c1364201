import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../shared/core/limits.js';
import { nestsDeeperThan } from '../../shared/core/json-depth.js';
import { OPERATOR_TOKEN, startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
import { logFingerprint } from './support.js';

let srv: TestServer;
let room: TestRoom;
let director: TestClient;

beforeAll(async () => {
  srv = await startServer({ captureLogs: true });
  room = await createRoom(srv.url);
  director = await joinAs(room, 'director');
});
afterAll(async () => {
  director.close();
  await srv.close();
});

const errorLines = () => srv.logs.filter((line) => line.level >= 50);
const nested = (depth: number, leaf = '1') => '['.repeat(depth) + leaf + ']'.repeat(depth);

async function send(path: string, init: RequestInit): Promise<{ status: number; code: unknown }> {
  const res = await fetch(`${srv.url}${path}`, init);
  const body = (await res.json()) as { error?: { code?: unknown } };
  return { status: res.status, code: body.error?.code };
}

const json = (headers: Record<string, string> = {}) => ({ 'content-type': 'application/json', ...headers });
const joinBody = JSON.stringify({ code: 'ABCDE-FGHIJ', name: 'Alice' });

describe('client errors over HTTP are 4xx with a code, and never logged as server faults', () => {
  it.each<[string, number, string, RequestInit]>([
    ['bad percent-encoding in a path', 400, '/api/rooms/%E0%A4%A/state', { headers: {} }],
    ['bad percent-encoding in a nested route', 400, '/api/rooms/%E0%A4%A/invitations/x', { method: 'DELETE' }],
    ['an unsupported charset', 415, '/api/join', { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: joinBody }],
    ['Content-Encoding: compress', 415, '/api/join', { method: 'POST', headers: json({ 'content-encoding': 'compress' }), body: joinBody }],
    ['a corrupt gzip body', 400, '/api/join', { method: 'POST', headers: json({ 'content-encoding': 'gzip' }), body: 'pas du gzip' }],
    ['a corrupt deflate body', 400, '/api/join', { method: 'POST', headers: json({ 'content-encoding': 'deflate' }), body: 'pas du deflate' }],
    ['a corrupt br body', 400, '/api/join', { method: 'POST', headers: json({ 'content-encoding': 'br' }), body: 'pas du brotli' }],
    ['a truncated gzip body', 400, '/api/join', { method: 'POST', headers: json({ 'content-encoding': 'gzip' }), body: gzipSync(joinBody).subarray(0, 12) }],
    ['an archive nested 200,000 deep', 400, '/api/archives', { method: 'POST', headers: json({ authorization: `Bearer ${OPERATOR_TOKEN}` }), body: nested(200_000) }],
    ['a 10 KB body nested 5,000 deep', 400, '/api/join', { method: 'POST', headers: json(), body: `{"code":${nested(5_000)},"name":"x"}` }],
  ])('%s → %i', async (_name, status, path, init) => {
    const before = errorLines().length;
    const headers = { authorization: `Bearer ${room.directorToken}`, ...(init.headers as Record<string, string>) };
    const res = await send(path, { ...init, headers });
    expect(res).toEqual({ status, code: 'invalid' });
    expect(errorLines().slice(before)).toEqual([]);
  });

  it('still decodes a well-formed gzip body, and names the nesting limit', async () => {
    const ok = await fetch(`${srv.url}/api/join`, { method: 'POST', headers: json({ 'content-encoding': 'gzip' }), body: gzipSync(joinBody) });
    // A well-formed body reaches the route: the (unknown) code is what gets refused.
    expect([ok.status, ((await ok.json()) as { error: { code: string } }).error.code]).toEqual([401, 'unauthorized']);
    const deep = await fetch(`${srv.url}/api/join`, { method: 'POST', headers: json(), body: `{"code":"ABCDE-FGHIJ","name":"x","extra":${nested(limits.maxJsonDepth)}}` });
    expect(((await deep.json()) as { error: { message: string } }).error.message).toMatch(/trop imbriqué/);
  });

  it('answers a Yjs upgrade with a badly encoded path with 404, not a server fault', async () => {
    const before = errorLines().length;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(`${srv.url.replace(/^http/, 'ws')}/yjs/%E0%A4%A/main-courante?token=${room.directorToken}`);
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
      ws.on('open', () => reject(new Error('upgrade accepted')));
      ws.on('error', reject);
    });
    expect(status).toBe(404);
    expect(errorLines().slice(before)).toEqual([]);
  });
});

/** Sends `command` as a raw socket.io packet (the client library itself would overflow on deep values). */
function rawCommand(client: TestClient, envelopeJson: string): Promise<unknown> {
  const engine = client.socket.io.engine;
  const ackId = 9_000 + Math.floor(Math.random() * 1_000);
  return new Promise((resolve) => {
    const onPacket = (packet: { data?: unknown }) => {
      if (typeof packet.data !== 'string' || !packet.data.startsWith(`3${ackId}[`)) return;
      engine.off('packet', onPacket);
      resolve((JSON.parse(packet.data.slice(String(ackId).length + 1)) as unknown[])[0]);
    };
    engine.on('packet', onPacket);
    engine.write(`2${ackId}["command",${envelopeJson}]`);
  });
}

describe('socket commands nested 5,000 deep', () => {
  const id = () => JSON.stringify(randomUUID());
  it.each([
    ['in a payload field', () => `{"id":${id()},"type":"room.announce","payload":{"text":${nested(5_000)}}}`],
    ['as the payload', () => `{"id":${id()},"type":"room.announce","payload":${nested(5_000)}}`],
    ['beside the payload', () => `{"id":${id()},"type":"room.announce","payload":{"text":"x"},"extra":${nested(5_000, '{}')}}`],
    ['as the envelope', () => nested(5_000)],
  ])('%s get a typed `invalid` ack, leave the log untouched, and log nothing', async (_name, envelope) => {
    const before = await logFingerprint(srv.server, room.roomId);
    const errorsBefore = errorLines().length;
    expect(await rawCommand(director, envelope())).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await logFingerprint(srv.server, room.roomId)).toEqual(before);
    expect(errorLines().slice(errorsBefore)).toEqual([]);
    expect(await director.send('room.announce', { text: 'toujours en service' })).toMatchObject({ ok: true });
  });
});

describe('nestsDeeperThan', () => {
  it.each<[unknown, number, boolean]>([
    [1, 0, false],
    [{}, 0, true],
    [{}, 1, false],
    [[[1]], 1, true],
    [[[1]], 2, false],
    [{ a: [1, { b: 'x' }], c: null }, 3, false],
    [{ a: [1, { b: {} }] }, 3, true],
  ])('%#: %j with limit %i → %s', (value, max, expected) => {
    expect(nestsDeeperThan(value, max)).toBe(expected);
  });

  it('walks 200,000 levels without overflowing the stack', () => {
    expect(nestsDeeperThan(JSON.parse(nested(200_000)), limits.maxJsonDepth)).toBe(true);
  });
});
