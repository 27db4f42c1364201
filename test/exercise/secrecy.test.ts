import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { scenariosDir } from '../../server/exercise/scenario-files.js';
import { dictGet } from '../../shared/core/dict.js';

const SCENARIO = 'cyber-ght-samu-normandie';

/**
 * The shipped scenario with a unique marker in every animator-only text: each stimulus's content
 * (secret until injected), its expected actions and criteria, its notes and its sheet's « critère d'évaluation »,
 * and the observer kit (never for players).
 */
function seededScenario(): Scenario {
  const scenario = JSON.parse(readFileSync(join(scenariosDir, `${SCENARIO}.json`), 'utf8')) as Scenario;
  for (const s of scenario.chronogramme) {
    s.content = `${s.content}\n\nSECRETCONTENT${s.id}END`;
    s.animatorNotes = `SECRETNOTE${s.id}END ${s.animatorNotes ?? ''}`;
    s.evaluationCriterion = `SECRETEVALCRITERION${s.id}END`;
    for (const a of s.expectedActions) {
      a.label = `${a.label} SECRETEXPECTED${s.id}END`;
      a.criterion = `${a.criterion} SECRETCRITERION${s.id}END`;
    }
  }
  scenario.kit.observerKit.instructions += '\n\nSECRETGRIDINSTRUCTIONSEND';
  for (const section of scenario.kit.observerKit.grid) for (const c of section.criteria) c.label += ` SECRETGRID${c.id}END`;
  return scenario;
}

/** Every byte a participant receives, in order: raw socket.io frames and REST bodies. */
class Recorder {
  readonly frames: string[] = [];
  attach(client: TestClient) {
    client.socket.io.engine.on('packet', (packet: { data?: unknown }) => this.frames.push(typeof packet.data === 'string' ? packet.data : JSON.stringify(packet.data ?? '')));
  }
  async rest(server: TestServer, path: string, token: string) {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    this.frames.push(await res.text());
  }
}

const permanentSecret = /SECRET(NOTE|EXPECTED|CRITERION|EVALCRITERION|GRID).*?END/;

/** Content markers found in a frame whose stimulus had not been delivered by that frame. */
function leaksIn(frames: string[]): string[] {
  const delivered = new Set<string>();
  const leaks: string[] = [];
  for (const frame of frames) {
    for (const m of frame.matchAll(/"stimulus\.injected".*?"item":\{"id":"([^"]+)"/g)) delivered.add(m[1]!);
    for (const m of frame.matchAll(/SECRETCONTENT(.+?)END/g)) if (!delivered.has(m[1]!)) leaks.push(m[0]);
    const secret = frame.match(permanentSecret);
    if (secret) leaks.push(secret[0]);
  }
  return leaks;
}

describe('animator secrecy through a whole accelerated exercise', () => {
  let server: TestServer;
  let room: TestRoom;
  let scenario: Scenario;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orsan-scenarios-'));
    scenario = seededScenario();
    writeFileSync(join(dir, `${SCENARIO}.json`), JSON.stringify(scenario));
    server = await startServer({ env: { SCENARIOS_DIR: dir } });
    room = await createRoom(server.url, { scenario: SCENARIO });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server?.close();
  });

  it('the leak detector finds a stimulus sent before its injection, and a note at any time', () => {
    const early = '2["event",{"type":"stimulus.injected","payload":{"item":{"id":"S01","content":"SECRETCONTENTS01END SECRETCONTENTS02END"}}}]';
    expect(leaksIn([early])).toEqual(['SECRETCONTENTS02END']);
    expect(leaksIn(['{"notes":"SECRETNOTES05END"}'])).toEqual(['SECRETNOTES05END']);
  });

  it('players and observers never receive a stimulus before its injection, nor expected actions, notes or the grid', async () => {
    const recorders = { ars: new Recorder(), observer: new Recorder(), director: new Recorder() };
    const arsToken = await tokenFor(room, 'player', 'ars');
    const observerToken = await tokenFor(room, 'observer');
    const ars = await connect(server.url, arsToken);
    const observer = await connect(server.url, observerToken);
    const director = await connect(server.url, room.directorToken);
    clients.push(ars, observer, director);
    recorders.ars.attach(ars);
    recorders.observer.attach(observer);
    recorders.director.attach(director);
    // What they got before recording started (the welcome) counts too.
    recorders.ars.frames.unshift(JSON.stringify(ars.welcome));
    recorders.observer.frames.unshift(JSON.stringify(observer.welcome));
    recorders.director.frames.unshift(JSON.stringify(director.welcome));

    const restAll = async () => {
      for (const [rec, token] of [
        [recorders.ars, arsToken],
        [recorders.observer, observerToken],
      ] as const) {
        await rec.rest(server, `/api/rooms/${room.roomId}/state`, token);
        await rec.rest(server, '/api/session', token);
        await rec.rest(server, '/api/scenarios', token);
      }
    };
    await restAll();

    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    const runtime = await server.server.rooms.get(room.roomId);
    const order = runtime.state.exercise.animator!.order;
    for (const id of order) {
      const item = dictGet(runtime.state.exercise.animator!.items, id)!;
      if (item.status !== 'scheduled') continue;
      const due = parseOffset(item.stimulus.offset);
      if (runtime.now().exerciseTime < due - 1500) await director.send('clock.jump', { exerciseTime: due - 1500 });
      await director.waitForEvent((e) => ['stimulus.injected', 'stimulus.cancelled'].includes(e.type) && JSON.stringify(e.payload).includes(`"id":"${id}"`), 15_000);
      // Players act on what they receive, as in a real exercise.
      if (ars.events.some((e) => e.type === 'stimulus.injected' && (e.payload as { item: { id: string } }).item.id === id)) {
        await ars.send('stimulus.acknowledge', { id });
      }
      await restAll();
    }

    const injected = director.events.filter((e) => e.type === 'stimulus.injected');
    expect(injected.length).toBeGreaterThanOrEqual(20);
    // The markers are really on the wire for the director: the check below could fail.
    expect(recorders.director.frames.join('\n')).toMatch(permanentSecret);
    expect(recorders.ars.frames.join('\n')).toMatch(/SECRETCONTENT/);
    expect(leaksIn(recorders.ars.frames)).toEqual([]);
    expect(leaksIn(recorders.observer.frames)).toEqual([]);
  });
});
