import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TrustProxy, clientAddressOf } from '../../server/http/trust-proxy.js';

/** A WebSocket upgrade as nginx on the same host forwards it. */
const upgrade = (forwardedFor: string) =>
  ({ socket: { remoteAddress: '127.0.0.1' }, connection: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-for': forwardedFor } }) as unknown as IncomingMessage;

describe('the client address of a Yjs handshake follows TRUST_PROXY, as REST does', () => {
  it('believes X-Forwarded-For only from a trusted proxy', () => {
    const address = (setting: string) => clientAddressOf(TrustProxy.parse(setting))(upgrade('203.0.113.7'));
    expect(address('false')).toBe('127.0.0.1');
    expect(address('loopback')).toBe('203.0.113.7');
    expect(address('1')).toBe('203.0.113.7');
    expect(address('10.0.0.1')).toBe('127.0.0.1');
  });

  it('never goes further back than the trusted hops (a client cannot name itself behind one proxy)', () => {
    expect(clientAddressOf(TrustProxy.parse('1'))(upgrade('198.51.100.9, 203.0.113.7'))).toBe('203.0.113.7');
  });
});
