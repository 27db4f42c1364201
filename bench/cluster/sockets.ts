import { io, type Socket } from 'socket.io-client';
import type { Role } from '../../shared/core/roles.js';
import { callApi } from '../../tools/api.js';

/**
 * Socket and session plumbing shared by the load processes of the exercise, care-map and cluster suites:
 * rooms and sessions through the real REST API, sockets opened with a bounded number of handshakes in flight.
 */
export interface Audience {
  role: Role;
  cell?: string;
}

/** The receiving audiences of a realistic room: players of both cells, an observer, an evaluator. */
export const mixedAudiences: Audience[] = [{ role: 'player', cell: 'ars' }, { role: 'player', cell: 'prefecture' }, { role: 'observer' }, { role: 'evaluator' }];

export interface BenchRoom {
  url: string;
  roomId: string;
  directorToken: string;
}

/** Creates a room as the operator and joins it as its director. */
export async function createBenchRoom(url: string, operatorToken: string, body: { mode: 'exercise' | 'crisis'; title: string; scenario?: string }): Promise<BenchRoom> {
  const created = await callApi(url, 'POST', '/api/rooms', body, operatorToken);
  if (created.status !== 201) throw new Error(`room creation failed (${created.status}): ${JSON.stringify(created.body)}`);
  const director = await callApi(url, 'POST', '/api/join', { code: created.body.directorCode, name: 'Direction' });
  if (director.status !== 201) throw new Error(`director join failed: ${JSON.stringify(director.body)}`);
  return { url, roomId: created.body.roomId, directorToken: director.body.token };
}

/**
 * `count` session tokens, spread round-robin over `audiences` (one invitation per audience).
 * REST joins are rate-limited (600/min): sockets share sessions, as a person's several tabs do.
 */
export async function joinSessions(room: BenchRoom, audiences: Audience[], count: number, namePrefix = 'Participant'): Promise<string[]> {
  const codes: string[] = [];
  for (const audience of audiences) {
    const invitation = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, audience, room.directorToken);
    if (invitation.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invitation.body)}`);
    codes.push(invitation.body.code);
  }
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const joined = await callApi(room.url, 'POST', '/api/join', { code: codes[i % codes.length], name: `${namePrefix} ${i + 1}` });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    tokens.push(joined.body.token);
  }
  return tokens;
}

export interface SocketTarget {
  url: string;
  /** Absent for the bare baselines, which take anyone. */
  token?: string;
  /** Handshake fields of a bare baseline instead of a token (e.g. the room to join). */
  auth?: Record<string, string>;
}

/** Opens one websocket-only socket; live on `welcome` (ORSAN, caught up) or `connect` (bare). Bounded by `timeoutMs`. */
export function openSocket(target: SocketTarget, live: 'welcome' | 'connect', timeoutMs = 30_000): Promise<Socket> {
  const socket = io(target.url, { auth: target.token ? { token: target.token } : (target.auth ?? {}), transports: ['websocket'], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`socket to ${target.url} not live after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(live, () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** Opens every target with at most `maxInFlight` handshakes at a time; `sockets[i]` belongs to `targets[i]`. */
export async function openSockets(targets: SocketTarget[], live: 'welcome' | 'connect', maxInFlight = 50): Promise<Socket[]> {
  const sockets: Socket[] = new Array<Socket>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const i = next++;
      sockets[i] = await openSocket(targets[i]!, live);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(maxInFlight, targets.length) }, worker));
  } catch (error) {
    for (const socket of sockets) socket?.close();
    throw error;
  }
  return sockets;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Wall clock with sub-millisecond resolution (`Date.now()` is whole ms): for comparisons with server wall times. */
export const preciseWallNow = () => performance.timeOrigin + performance.now();
