import { io, type Socket } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import type { RoomEvent } from '../../shared/core/events.js';
import type { Role } from '../../shared/core/roles.js';
import type { CommandAck, PresenceMessage, WelcomeMessage } from '../../shared/protocol.js';
import { afterAll, beforeAll } from 'vitest';
import { OPERATOR_TOKEN, callApi, startServer, type TestServer } from './server.js';

export interface TestRoom {
  url: string;
  roomId: string;
  directorToken: string;
}

/** Creates a room through the REST API as the operator and joins it as its director. */
export async function createRoom(url: string, body: { mode?: 'exercise' | 'crisis'; title?: string; scenario?: string } = {}): Promise<TestRoom> {
  const created = await callApi(url, 'POST', '/api/rooms', { mode: 'exercise', title: 'Salle de test', ...body }, OPERATOR_TOKEN);
  if (created.status !== 201) throw new Error(`room creation failed: ${JSON.stringify(created.body)}`);
  const joined = await callApi(url, 'POST', '/api/join', { code: created.body.directorCode, name: 'Directrice' });
  return { url, roomId: created.body.roomId, directorToken: joined.body.token };
}

/** A session token for `role` (and `cell` for players) in the room, through a director's invitation. */
export async function tokenFor(room: TestRoom, role: Role, cell?: string, name = `${role}${cell ? `-${cell}` : ''}`): Promise<string> {
  if (role === 'director') return room.directorToken;
  const inv = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role, ...(cell ? { cell } : {}) }, room.directorToken);
  if (inv.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(inv.body)}`);
  const joined = await callApi(room.url, 'POST', '/api/join', { code: inv.body.code, name });
  return joined.body.token;
}

/** A new director session (not the room's first one): commands are rate-limited per session. */
export async function secondDirectorToken(room: TestRoom, name = 'Directrice adjointe'): Promise<string> {
  const inv = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'director' }, room.directorToken);
  if (inv.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(inv.body)}`);
  const joined = await callApi(room.url, 'POST', '/api/join', { code: inv.body.code, name });
  return joined.body.token;
}

/** A connected participant: its socket, every event it received, and `send` for commands. */
export interface TestClient {
  socket: Socket;
  token: string;
  welcome: WelcomeMessage;
  events: RoomEvent[];
  presence: PresenceMessage[];
  send(type: string, payload?: unknown, id?: string): Promise<CommandAck>;
  /** Resolves when an event matching `predicate` has been received (already or later). */
  waitForEvent(predicate: (e: RoomEvent) => boolean, timeoutMs?: number): Promise<RoomEvent>;
  close(): void;
}

export async function connect(url: string, token: string, lastSeq?: number): Promise<TestClient> {
  const socket = io(url, { auth: { token, ...(lastSeq !== undefined ? { lastSeq } : {}) }, transports: ['websocket'], reconnection: false, forceNew: true });
  const events: RoomEvent[] = [];
  const presence: PresenceMessage[] = [];
  const waiters = new Set<() => void>();
  socket.on('event', (e: RoomEvent) => {
    events.push(e);
    for (const w of waiters) w();
  });
  socket.on('presence', (p: PresenceMessage) => presence.push(p));
  const welcome = await new Promise<WelcomeMessage>((resolve, reject) => {
    socket.once('welcome', (w: WelcomeMessage) => {
      if (w.catchUp.kind === 'events') events.push(...w.catchUp.events);
      resolve(w);
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => reject(Object.assign(err, { data: err.data })));
  });
  return {
    socket,
    token,
    welcome,
    events,
    presence,
    send: (type, payload = {}, id = randomUUID()) => socket.timeout(10_000).emitWithAck('command', { id, type, payload }),
    waitForEvent(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (found) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error('timed out waiting for event'));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => socket.close(),
  };
}

/** Creates an invitation for `role`/`cell`, joins with it and connects. */
export async function joinAs(room: TestRoom, role: Role, cell?: string): Promise<TestClient> {
  return connect(room.url, await tokenFor(room, role, cell));
}

/**
 * The file's shared fixture: the real server (in this process, fresh SQLite) and one room, started before the
 * file's tests and closed after them; `use` receives them for the tests' own variables.
 * @example let server: TestServer; let room: TestRoom; serverWithRoom((s, r) => ((server = s), (room = r)));
 */
export function serverWithRoom(use: (server: TestServer, room: TestRoom) => void): void {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer();
    use(server, await createRoom(server.url));
  });
  afterAll(() => server?.close());
}
