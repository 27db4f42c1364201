import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateScenario } from '../../shared/exercise/scenario-load.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs } from '../helpers/room.js';

describe('clone a real crisis into an exercise scenario', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('turns what reached the cell into a valid chronogramme draft that a new exercise room can run', async () => {
    const server = await startServer();
    servers.push(server);
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Cyberattaque GHT Eure' });
    const director = await connect(server.url, room.directorToken);
    const ars = await joinAs(room, 'player', 'ars');
    expect((await director.send('alertChain.alert', { linkId: 'etab-ars-astreinte', message: 'Rançongiciel au CH d’Évreux, SI à l’arrêt.' })).ok).toBe(true);
    const runtime = await server.server.rooms.get(room.roomId);
    const finess = Object.keys(runtime.state.careMap.finessIds)[0]!;
    expect((await ars.send('careMap.setStatus', { finess, mode: 'degrade', situation: 'Urgences en mode dégradé' })).ok).toBe(true);
    director.close();
    ars.close();

    const forbidden = await server.api('GET', `/api/rooms/${room.roomId}/scenario-draft`, undefined, ars.token);
    expect(forbidden.status).toBe(403);
    const res = await server.api('GET', `/api/rooms/${room.roomId}/scenario-draft`, undefined, room.directorToken);
    expect(res.status).toBe(200);
    const checked = validateScenario(res.body);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(res.body.chronogramme.map((s: { sender: string; subject: string }) => [s.sender, s.subject])).toEqual([
      ['etablissement', 'Alerte : Rançongiciel au CH d’Évreux, SI à l’arrêt.'],
      ['source-terrain', `Point de situation : établissement ${finess}`],
    ]);
    expect(res.body.chronogramme[1].careMapEffects).toEqual([{ finess, mode: 'degrade', situation: 'Urgences en mode dégradé' }]);

    const dir = mkdtempSync(join(tmpdir(), 'orsan-draft-'));
    writeFileSync(join(dir, `${res.body.id}.json`), JSON.stringify(res.body));
    const exercise = await startServer({ env: { SCENARIOS_DIR: dir } });
    servers.push(exercise);
    const replay = await createRoom(exercise.url, { scenario: res.body.id });
    const state = (await exercise.server.rooms.get(replay.roomId)).state;
    expect(state.exercise.animator!.order).toEqual(['S01', 'S02']);
  });
});
