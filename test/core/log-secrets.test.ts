import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, logSafePath } from '../../server/ops/logger.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';

describe('logSafePath', () => {
  it.each([
    ['/yjs/r1/main-courante?token=SECRET', '/yjs/r1/main-courante'],
    ['/api/rooms/r1/state?ticket=SECRET#x', '/api/rooms/r1/state'],
    ['/join/ABCDE-FGHIJ-KLMNO', '/join/***'],
    ['/join/ABCDE-FGHIJ/extra?code=x', '/join/***/extra'],
    ['/api/join', '/api/join'],
  ])('%s → %s', (url, safe) => {
    expect(logSafePath(url)).toBe(safe);
  });
});

describe('server logs never carry credentials', () => {
  it('masks paths, urls, tokens and authorization headers whatever logs them', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    logger.warn(
      { path: '/join/ABCDE-SECRE-TCODE', url: '/yjs/r/d?token=SECRET-1', token: 'SECRET-2', ticket: 'SECRET-3', headers: { authorization: 'Bearer SECRET-4' }, auth: { token: 'SECRET-5' } },
      'test',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/SECRET/);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ path: '/join/***', url: '/yjs/r/d', msg: 'test' });
  });

  describe('a server whose store fails under requests carrying tokens in their URLs', () => {
    let srv: TestServer;
    let room: TestRoom;
    beforeAll(async () => {
      srv = await startServer({ captureLogs: true });
      room = await createRoom(srv.url);
    });
    afterAll(() => srv.close());

    it('logs the faults without the query strings, tokens or join codes', async () => {
      const invitation = await srv.api('POST', `/api/rooms/${room.roomId}/invitations`, { role: 'observer' }, room.directorToken);
      const code: string = invitation.body.code;
      const token = room.directorToken;
      vi.spyOn(srv.server.access, 'authenticate').mockRejectedValue(new Error('panne simulée du magasin'));
      vi.spyOn(srv.server.access, 'redeemYjsTicket').mockRejectedValue(new Error('panne simulée du magasin'));

      const rest = await fetch(`${srv.url}/api/rooms/${room.roomId}/state?token=${token}&ticket=${token}`, { headers: { authorization: `Bearer ${token}` } });
      expect(rest.status).toBe(500);
      await fetch(`${srv.url}/join/${code}?token=${token}`);
      await fetch(`${srv.url}/api/join?code=${code}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'x' }) });
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(`${srv.url.replace(/^http/, 'ws')}/yjs/${room.roomId}/main-courante?ticket=${token}`);
        ws.on('unexpected-response', () => resolve());
        ws.on('error', () => resolve());
      });
      vi.restoreAllMocks();

      // The faults were logged (so the check below has something to read)…
      expect(srv.logs.filter((l) => l.msg === 'request failed').map((l) => l.path)).toContain(`/api/rooms/${room.roomId}/state`);
      expect(srv.logs.some((l) => l.msg === 'yjs upgrade failed')).toBe(true);
      // …and no line holds the session token or the invitation code.
      const text = srv.logs.map((l) => JSON.stringify(l)).join('\n');
      expect(text).not.toContain(token);
      expect(text).not.toContain(code);
      expect(text).not.toContain(code.replace(/-/g, ''));
    });
  });
});

describe('deploy/nginx.conf access log', () => {
  const conf = readFileSync(fileURLToPath(new URL('../../deploy/nginx.conf', import.meta.url)), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n');

  it('defines a log format without query strings, full request line or referer, masking /join/ codes', () => {
    const format = /log_format\s+(\S+)\s+((?:'[^']*'\s*)+);/.exec(conf);
    expect(format).not.toBeNull();
    const text = format?.[2] ?? '';
    for (const leaky of ['$request ', '$request"', '$request_uri', '$args', '$query_string', '$arg_', '$http_referer', '$uri']) expect(text).not.toContain(leaky);
    const pathVariable = /\$(orsan_\w+)/.exec(text)?.[1];
    const map = new RegExp(`map\\s+\\$uri\\s+\\$${pathVariable}\\s*\\{([^}]*)\\}`).exec(conf);
    expect(map?.[1]).toMatch(/~\^\/join\/\s+\/join\/\*\*\*;/);
    expect(map?.[1]).toMatch(/default\s+\$uri;/);
  });

  it('uses it in every server block, so that no inherited format (with the query string) is written too', () => {
    const name = /log_format\s+(\S+)/.exec(conf)?.[1];
    const servers = conf.split(/\bserver\s*\{/).slice(1);
    expect(servers.length).toBeGreaterThanOrEqual(2);
    for (const block of servers) expect(block).toMatch(new RegExp(`access_log\\s+\\S+\\s+${name};`));
    expect(conf).not.toMatch(/access_log\s+\S+\s*;/);
  });
});
