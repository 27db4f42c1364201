import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi } from '../helpers/server.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connect, createRoom } from '../helpers/room.js';
import { expectConnectRefused } from './support.js';

let srv: ServerProcess | undefined;
afterAll(async () => {
  await srv?.stop();
});

/**
 * Appends, behind the server's back, an event no reducer can apply (`room.renamed` with a null payload):
 * what a disk fault, a bad manual repair or a bug of an older version could leave in the log.
 */
function corruptRoom(dataDir: string, roomId: string): void {
  const db = new Database(join(dataDir, 'orsan-room.db'));
  try {
    db.prepare(
      `INSERT INTO events (room_id, seq, type, wall_time, exercise_time, actor, visibility, payload, command_id, prev_hash, hash)
       SELECT room_id, seq + 1, 'room.renamed', wall_time, exercise_time, actor, visibility, 'null', NULL, hash, hash
       FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 1`,
    ).run(roomId);
  } finally {
    db.close();
  }
}

describe('a room whose log cannot be replayed', () => {
  it('is quarantined: the instance starts, serves the other rooms, and reports it on /readyz', async () => {
    srv = await startServerProcess();
    const healthy = await createRoom(srv.url, { title: 'Salle saine' });
    const broken = await createRoom(srv.url, { title: 'Salle abîmée' });
    await srv.kill9();
    corruptRoom(srv.dataDir, broken.roomId);

    await srv.restart(); // resolves once the server announces itself: startup replayed every room and went on
    const ready = await callApi(srv.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.quarantined).toEqual([expect.objectContaining({ roomId: broken.roomId, seq: expect.any(Number) })]);
    expect(srv.output()).toMatch(/room quarantined/);

    // Its participants get a clear, typed refusal on REST and on the socket.
    const state = await callApi(srv.url, 'GET', `/api/rooms/${broken.roomId}/state`, undefined, broken.directorToken);
    expect(state.status).toBe(503);
    expect(state.body.error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/quarantaine/) });
    await expectConnectRefused(srv.url, broken.directorToken, 'unavailable');

    // Every other room works as before.
    const director = await connect(srv.url, healthy.directorToken);
    expect(await director.send('room.announce', { text: 'Tout va bien ici.' })).toMatchObject({ ok: true });
    director.close();
  });
});
