import { io } from 'socket.io-client';
import { expect } from 'vitest';
import type { OrsanServer } from '../../server/app.js';

/** Polls `predicate` every 10 ms until it holds; fails after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Asserts the socket handshake with `auth` is refused with `connect_error` carrying `data.code`. */
export async function expectConnectRefused(url: string, token: unknown, code: string, extraAuth: Record<string, unknown> = {}): Promise<void> {
  const socket = io(url, { auth: { token, ...extraAuth }, transports: ['websocket'], reconnection: false, forceNew: true });
  try {
    const outcome = await new Promise<{ code?: string } | 'connected'>((resolve) => {
      socket.once('connect', () => resolve('connected'));
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data ?? {}));
    });
    expect(outcome).toMatchObject({ code });
  } finally {
    socket.close();
  }
}

/** Length and head hash of a room's log, to show that a refused input left it untouched. */
export async function logFingerprint(server: OrsanServer, roomId: string): Promise<{ length: number; head: string | undefined }> {
  const events = await server.store.events.read(roomId);
  return { length: events.length, head: events.at(-1)?.hash };
}
