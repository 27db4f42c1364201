import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { limits } from '../../shared/core/limits.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs } from '../helpers/room.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
const withToken = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };

let srv: TestServer;
beforeAll(async () => {
  // Writes pinned on the event loop, so that the write-path gauges below do not depend on the machine's disk.
  srv = await startServer({ env: { METRICS_TOKEN, SQLITE_WRITER: 'inline' } });
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
    const res = await fetch(`${srv.url}/metrics`, withToken);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(sample(text, 'orsan_connected_sockets')).toBe(1);
    expect(text).toContain('orsan_events_appended_total{type="room.announced"} 1');
    expect(sample(text, 'orsan_command_duration_seconds_count')).toBe(2);
    expect(text).toContain('orsan_commands_rejected_total{code="conflict"} 1');
    expect(text).toContain('process_resident_memory_bytes');
    // SQLITE_WRITER=inline: the embedded store writes on the event loop, and never moves.
    expect(sample(text, 'orsan_sqlite_writes_in_thread')).toBe(0);
    expect(sample(text, 'orsan_sqlite_writer_moves')).toBe(0);

    director.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(sample(await (await fetch(`${srv.url}/metrics`, withToken)).text(), 'orsan_connected_sockets')).toBe(0);
  });

  it('refuses /metrics without the METRICS_TOKEN bearer', async () => {
    expect((await srv.api('GET', '/metrics')).body).toMatchObject({ error: { code: 'unauthorized' } });
    for (const token of [undefined, 'mauvais-jeton-0123456789abcdef', `${METRICS_TOKEN}x`]) {
      const res = await srv.api('GET', '/metrics', undefined, token);
      expect([res.status, res.body.error?.code]).toEqual([401, 'unauthorized']);
    }
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

describe('metrics exposure', () => {
  it('serves no metrics on the main port when neither METRICS_TOKEN nor METRICS_PORT is set', async () => {
    const bare = await startServer();
    try {
      const res = await bare.api('GET', '/metrics');
      expect([res.status, res.body.error?.code]).toEqual([404, 'not_found']);
      expect(bare.server.metricsUrl()).toBeNull();
    } finally {
      await bare.close();
    }
  });

  it('with METRICS_PORT, serves them on a separate loopback listener only', async () => {
    const separate = await startServer({ env: { METRICS_PORT: '0' } });
    try {
      const url = separate.server.metricsUrl() ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('orsan_connected_sockets');
      expect((await fetch(url.replace(/\/metrics$/, '/api/config'))).status).toBe(404);
      expect((await separate.api('GET', '/metrics')).status).toBe(404);
    } finally {
      await separate.close();
    }
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
    [{ METRICS_TOKEN: 'court' }, /METRICS_TOKEN doit faire au moins 24 caractères/],
    [{ METRICS_PORT: 'neuf-mille' }, /METRICS_PORT/],
  ])('stops on %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(/^Configuration invalide : /);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('fills defaults for a bare environment', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', DATA_DIR: './data', DEMO: true, STORE: 'sqlite' });
  });
});
