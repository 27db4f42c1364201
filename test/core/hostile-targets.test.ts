import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';

/** Sends one raw HTTP/1.1 request and resolves with the status line it got (or '' if the connection just closed). */
function rawRequest(url: string, target: string, upgrade: boolean): Promise<string> {
  const { hostname, port } = new URL(url);
  const headers = upgrade ? 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' : 'Connection: close\r\n';
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(Number(port), hostname, () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\n${headers}\r\n`));
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received.split('\r\n', 1)[0] ?? ''));
  });
}

/** Request targets Node's parser lets through but `new URL(target, base)` cannot parse. */
const targets = ['http://[', '//[::1', 'http://[/yjs/r/main-courante', '*'];

describe('request targets no URL parser can read', () => {
  let srv: ServerProcess;
  beforeAll(async () => {
    srv = await startServerProcess();
  });
  afterAll(() => srv.stop());

  it.each(targets)('%j, as a WebSocket upgrade or a plain GET, leaves the instance serving', async (target) => {
    await rawRequest(srv.url, target, true);
    await rawRequest(srv.url, target, false);
    const health = await fetch(`${srv.url}/healthz`);
    expect(health.status, srv.output()).toBe(200);
    expect(srv.output()).not.toMatch(/Invalid URL|uncaught|"level":50/i);
  });
});
