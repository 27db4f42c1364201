import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/core/errors.js';
import { AccessService } from '../../server/access/access-service.js';
import { roomSessions, type RoomRequest, type RoomSessions } from '../../server/http/room-session.js';
import type { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';

let dir: string;
let store: Store;
let access: AccessService;
const loaded: string[] = [];
/** Rooms stand-in: records which room was loaded; `broken` behaves like a quarantined room. */
const rooms = {
  async get(roomId: string): Promise<RoomRuntime> {
    loaded.push(roomId);
    if (roomId === 'broken') throw new DomainError('unavailable', 'Salle en quarantaine.');
    return { id: roomId } as RoomRuntime;
  },
};
let sessions: RoomSessions;
const roomSession = (req: RoomRequest) => sessions.roomSession(req);
const directorSession = (req: RoomRequest) => sessions.directorSession(req);
const directorCaller = (req: RoomRequest) => sessions.directorCaller(req);

/** A request on `/rooms/:roomId/…` carrying `token`. */
const request = (roomId: string, token?: string) => ({ params: { roomId }, headers: token ? { authorization: `Bearer ${token}` } : {} }) as unknown as RoomRequest;

async function tokenOf(roomId: string, role: 'director' | 'player', cell?: string): Promise<string> {
  const { code } = await access.createInvitation(roomId, { role, ...(cell ? { cell } : {}) }, ['ars']);
  return (await access.join(code, `${role} ${roomId}`)).token;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'orsan-room-session-'));
  store = openSqliteStore(dir);
  access = new AccessService(store.access);
  sessions = roomSessions({ access, rooms });
});
afterAll(async () => {
  access.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('roomSession(req): who calls a room route', () => {
  it("gives a player's viewer and participant their cell, and the room of the path", async () => {
    const token = await tokenOf('salle-a', 'player', 'ars');
    const caller = await roomSession(request('salle-a', token));
    expect(caller.viewer).toEqual({ role: 'player', cell: 'ars' });
    expect(caller.participant).toEqual({ kind: 'participant', sessionId: caller.session.id, name: 'player salle-a', role: 'player', cell: 'ars' });
    expect(caller.runtime.id).toBe('salle-a');
  });

  it('leaves the cell out for roles that have none', async () => {
    const caller = await roomSession(request('salle-a', await tokenOf('salle-a', 'director')));
    expect(caller.viewer).toEqual({ role: 'director' });
    expect(Object.keys(caller.participant)).not.toContain('cell');
  });

  it("refuses a token of another room, a missing token, and a player on the director's routes", async () => {
    const other = await tokenOf('salle-b', 'director');
    await expect(roomSession(request('salle-a', other))).rejects.toMatchObject({ code: 'forbidden', message: "Ce jeton n'appartient pas à cette salle." });
    await expect(directorSession(request('salle-a', other))).rejects.toMatchObject({ code: 'forbidden', message: "Ce jeton n'appartient pas à cette salle." });
    await expect(roomSession(request('salle-a'))).rejects.toMatchObject({ code: 'unauthorized' });
    const player = await tokenOf('salle-a', 'player', 'ars');
    await expect(directorSession(request('salle-a', player))).rejects.toMatchObject({ code: 'forbidden', message: 'Réservé au directeur de la salle.' });
    await expect(directorCaller(request('salle-a', player))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets the director manage access to a room that cannot be loaded (quarantine), without loading it', async () => {
    const token = await tokenOf('broken', 'director');
    loaded.length = 0;
    const caller = await directorCaller(request('broken', token));
    expect(caller.viewer).toEqual({ role: 'director' });
    expect(loaded).toEqual([]);
    await expect(directorSession(request('broken', token))).rejects.toMatchObject({ code: 'unavailable' });
  });
});
