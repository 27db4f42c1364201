import { io } from 'socket.io-client';

/** What a participant really receives, as bytes: for the tests that search them for what must not be there. */

/** A socket.io connection that keeps every raw frame it receives (engine.io text), from the handshake on. */
export function rawConnection(url: string, token: string) {
  const frames: string[] = [];
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  socket.io.engine.on('data', (data: unknown) => frames.push(typeof data === 'string' ? data : Buffer.from(data as ArrayBuffer).toString('utf8')));
  const welcomed = new Promise<void>((resolve, reject) => {
    socket.once('welcome', () => resolve());
    socket.once('connect_error', reject);
  });
  return { frames, socket, welcomed };
}

export async function rawGet(url: string, path: string, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
}
