import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../shared/core/limits.js';
import { loadConfig } from '../../server/config.js';
import { restRateLimit } from '../../server/http/rate-limits.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';

/** Sends `count` GETs (in parallel batches) and returns their statuses. */
async function hammer(url: string, path: string, count: number, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += 50) {
    const batch = Array.from({ length: Math.min(50, count - sent) }, () => fetch(`${url}${path}`, { headers }).then((r) => r.status));
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

const status = async (url: string, path: string, headers: Record<string, string> = {}) => (await fetch(`${url}${path}`, { headers })).status;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('socket commands: one budget per session, shared by all its sockets', () => {
  let srv: TestServer;
  let room: TestRoom;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    srv = await startServer();
    room = await createRoom(srv.url);
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv.close();
  });

  it('20 sockets of one session cannot multiply its burst; another session is not slowed down', async () => {
    const token = await tokenFor(room, 'director', undefined);
    for (let i = 0; i < 20; i++) clients.push(await connect(srv.url, token));
    // Refused by the domain (the clock is not running): only the rate limit tells them apart.
    const acks = await Promise.all(clients.flatMap((c) => Array.from({ length: 10 }, () => c.send('clock.pause', {}))));
    const codes = acks.map((a) => (a.ok ? 'ok' : a.error.code));
    // A fixed window may restart once during the burst: at most two bursts get through, never 20.
    expect(codes.filter((c) => c === 'conflict').length).toBeLessThanOrEqual(2 * limits.commandBurst);
    expect(codes.filter((c) => c === 'rate_limited').length).toBeGreaterThanOrEqual(200 - 2 * limits.commandBurst);

    const other = await connect(srv.url, await tokenFor(room, 'observer'));
    clients.push(other);
    expect(await other.send('participant.checkIn', {})).toMatchObject({ ok: true });
  });
});

describe('REST behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => srv.close());

  it('gives two X-Forwarded-For client addresses separate buckets', async () => {
    const first = { 'x-forwarded-for': '203.0.113.7' };
    expect(new Set(await hammer(srv.url, '/api/config', restRateLimit.requests, first))).toEqual(new Set([200]));
    const refused = await fetch(`${srv.url}/api/config`, { headers: first });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(await status(srv.url, '/api/config', { 'x-forwarded-for': '203.0.113.8' })).toBe(200);
  });
});

describe('REST with TRUST_PROXY unset', () => {
  let srv: TestServer;
  let room: TestRoom;
  beforeAll(async () => {
    srv = await startServer();
    room = await createRoom(srv.url);
  });
  afterAll(() => srv.close());

  it('limits each session on its own: two sessions behind one address are not throttled together', async () => {
    const [a, b] = [await tokenFor(room, 'observer'), await tokenFor(room, 'evaluator')];
    expect(new Set(await hammer(srv.url, '/api/session', restRateLimit.requests, bearer(a)))).toEqual(new Set([200]));
    expect(await status(srv.url, '/api/session', bearer(a))).toBe(429);
    expect(await status(srv.url, '/api/session', bearer(b))).toBe(200);
    // Neither did the session eat into the budget of anonymous callers from that address.
    expect(await status(srv.url, '/api/config')).toBe(200);
  });

  it('ignores X-Forwarded-For: a forged header buys no fresh bucket, nor do invented tokens', async () => {
    // The address has already spent a few requests on joining: this exhausts what is left of its budget.
    const statuses = await hammer(srv.url, '/api/config', restRateLimit.requests, { 'x-forwarded-for': '203.0.113.7' });
    expect(statuses.at(-1)).toBe(429);
    expect(await status(srv.url, '/api/config', { 'x-forwarded-for': '203.0.113.8' })).toBe(429);
    expect(await status(srv.url, '/api/config', bearer('jeton-invente-0123456789abcdef'))).toBe(429);
  });
});

describe('TRUST_PROXY validation', () => {
  it.each([
    [undefined, false],
    ['false', false],
    ['1', 1],
    ['loopback, 10.0.0.0/8, fd00::/8, 192.0.2.10', ['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.10']],
  ])('accepts %j as %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(['true', '10.0.0.0/33', 'nginx', '10.0.0.1/8/1', '::1/129'])('refuses %j with a clear message', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/^Configuration invalide : .*TRUST_PROXY/);
  });
});
