import { afterAll, describe, expect, it } from 'vitest';
import type { CommandAck } from '../../shared/protocol.js';
import { startServerProcess, type ServerProcess } from '../helpers/process.js';
import { connect, createRoom, joinAs } from '../helpers/room.js';

/**
 * Issue 11, defect 1: `stimulus.skip {"id":"constructor"}` was accepted and logged, then every command of the
 * room answered `internal` and the next start of the server exited 1 while replaying it. Ids named after
 * Object.prototype's properties must be unknown ids like any other, before and after a restart.
 */
const builtInNames = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

/** Refused as an id the room does not have (`not_found`), or one the id schema does not allow (`invalid`). */
function expectUnknownId(ack: CommandAck, what: string): void {
  expect(ack.ok, what).toBe(false);
  if (!ack.ok) expect(['not_found', 'invalid'], `${what}: ${ack.error.message}`).toContain(ack.error.code);
}

let srv: ServerProcess | undefined;
afterAll(async () => {
  await srv?.stop();
});

describe('ids named after Object.prototype built-ins', () => {
  it('are unknown ids for the director and the players, and the room still restarts and serves', async () => {
    srv = await startServerProcess();
    const room = await createRoom(srv.url, { scenario: 'cyber-ght-samu-normandie' });
    const director = await connect(srv.url, room.directorToken);
    const ars = await joinAs(room, 'player', 'ars');
    const headBefore = director.welcome.catchUp.headSeq;

    for (const id of builtInNames) {
      for (const [type, payload] of [
        ['stimulus.skip', { id }],
        ['stimulus.injectNow', { id }],
        ['stimulus.defer', { id, to: '00:45' }],
        ['stimulus.edit', { id, changes: { subject: 'x' } }],
      ] as const) {
        expectUnknownId(await director.send(type, payload), `${type} ${id}`);
      }
      for (const [type, payload] of [
        ['stimulus.acknowledge', { id }],
        ['stimulus.reply', { id, text: 'Bien reçu' }],
        ['stimulus.link', { id, kind: 'mainCourante', ref: 'mc-1', label: '' }],
      ] as const) {
        expectUnknownId(await ars.send(type, payload), `${type} ${id}`);
      }
    }
    // Nothing was appended, and the room still takes the next valid command.
    const announce = await director.send('room.announce', { text: 'Point de situation à 10 h 30.' });
    expect(announce).toMatchObject({ ok: true, seq: headBefore + 1 });
    director.close();
    ars.close();

    await srv.kill9();
    await srv.restart();
    const back = await connect(srv.url, room.directorToken);
    expect(back.welcome.catchUp.headSeq).toBe(headBefore + 1);
    expect(await back.send('stimulus.skip', { id: 'S32' })).toMatchObject({ ok: true });
    back.close();
  });
});
