import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { limits } from '../../shared/core/limits.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs } from '../helpers/room.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

/** The value of a Prometheus sample line, e.g. `orsan_connected_sockets 3`. */
function sample(metrics: string, name: string): number | undefined {
  const line = metrics.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('operations endpoints', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await srv.api('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await srv.api('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready', store: 'sqlite' } });
  });

  it('exposes Prometheus metrics that follow sockets, appends and command durations', async () => {
    const room = await createRoom(srv.url);
    const director = await joinAs(room, 'director');
    await director.send('room.announce', { text: 'mesure' });
    await director.send('clock.pause', {});
    const res = await fetch(`${srv.url}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'orsan_connected_sockets')).toBe(1);
    expect(text).toContain('orsan_events_appended_total{type="room.announced"} 1');
    expect(sample(text, 'orsan_command_duration_seconds_count')).toBe(2);
    expect(text).toContain('orsan_commands_rejected_total{code="conflict"} 1');
    expect(text).toContain('process_resident_memory_bytes');

    director.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(sample(await (await fetch(`${srv.url}/metrics`)).text(), 'orsan_connected_sockets')).toBe(0);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${srv.url}/api/config`);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it(`refuses a REST body over ${limits.maxRestBodyBytes / 1024} KiB with 413 too_large`, async () => {
    const big = { code: 'ABCDE-FGHIJ', name: 'x'.repeat(limits.maxRestBodyBytes) };
    const res = await srv.api('POST', '/api/join', big);
    expect([res.status, res.body.error.code]).toEqual([413, 'too_large']);
    expect((await srv.api('GET', '/healthz')).status).toBe(200);
  });
});

describe('environment validation', () => {
  it.each([
    [{ PORT: 'huit-mille' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ OPERATOR_TOKEN: 'court' }, /OPERATOR_TOKEN doit faire au moins 24 caractères/],
    [{ LOG_LEVEL: 'verbeux' }, /LOG_LEVEL/],
    [{ DEMO: 'peut-être' }, /DEMO/],
    [{ STORE: 'postgres' }, /DATABASE_URL/],
  ])('stops on %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(/^Configuration invalide : /);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('fills defaults for a bare environment', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', DATA_DIR: './data', DEMO: true, STORE: 'sqlite' });
  });
});
