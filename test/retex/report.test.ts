import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import { replayAt } from '../../shared/retex/replay.js';
import type { RetexReport } from '../../shared/retex/report.js';
import type { RoomState } from '../../shared/room-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
import { dictGet } from '../../shared/core/dict.js';

const SCENARIO = 'cyber-ght-samu-normandie';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Capture {
  t: number;
  careMap: RoomState['careMap']['statuses'];
  chain: RoomState['alertChain']['links'];
  entries: number;
}

describe('RETEX report after an accelerated run of the shipped scenario', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  let prefecture: TestClient;
  let evaluator: TestClient;
  const captures: Capture[] = [];
  let observedObjective = '';

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: SCENARIO, title: 'Exercice régional — RETEX' });
    director = await connect(server.url, room.directorToken);
    ars = await joinAs(room, 'player', 'ars');
    prefecture = await joinAs(room, 'player', 'prefecture');
    evaluator = await joinAs(room, 'evaluator');
    const runtime = await server.server.rooms.get(room.roomId);

    const capture = async () => {
      await runtime.exclusive(() => {
        const s = runtime.state;
        const last = s.seq;
        captures.push({ t: -last, careMap: s.careMap.statuses, chain: s.alertChain.links, entries: 0 });
      });
      const events = await server.server.store.events.read(room.roomId);
      const c = captures.at(-1)!;
      c.t = events.find((e) => e.seq === -c.t)!.exerciseTime;
      c.entries = events.filter((e) => e.type === 'mainCourante.entryAdded').length;
      await sleep(30);
    };

    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    const order = runtime.state.exercise.animator!.order;
    let step = 0;
    for (const id of order) {
      const item = dictGet(runtime.state.exercise.animator!.items, id)!;
      if (item.status !== 'scheduled') continue;
      const due = parseOffset(item.stimulus.offset);
      if (runtime.now().exerciseTime < due - 1500) await director.send('clock.jump', { exerciseTime: due - 1500 });
      await director.waitForEvent((e) => ['stimulus.injected', 'stimulus.cancelled'].includes(e.type) && JSON.stringify(e.payload).includes(`"id":"${id}"`), 15_000);
      step += 1;
      // Players act, unevenly, as in a real exercise.
      const delivered = dictGet(runtime.state.exercise.inbox, id);
      if (delivered?.recipients.includes('ars') && step % 2 === 0) expect((await ars.send('stimulus.acknowledge', { id })).ok).toBe(true);
      if (delivered?.recipients.includes('prefecture') && step % 3 === 0) expect((await prefecture.send('stimulus.acknowledge', { id })).ok).toBe(true);
      if (step === 2) {
        await director.send('alertChain.alert', { linkId: 'etab-ars-astreinte', message: 'Rançongiciel au CH, SI à l’arrêt.' });
        await director.send('alertChain.acknowledge', { linkId: 'etab-ars-astreinte' });
        await director.send('alertChain.alert', { linkId: 'astreinte-ars', message: 'Activation de la cellule régionale.' });
        await capture();
      }
      if (step === 4) {
        expect((await ars.send('alertChain.acknowledge', { linkId: 'astreinte-ars' })).ok).toBe(true);
        expect((await ars.send('alertChain.alert', { linkId: 'ars-prefecture', message: 'Cyberattaque GHT, bascule du 15.' })).ok).toBe(true);
        await capture();
      }
      if (step === 6) {
        expect((await prefecture.send('alertChain.acknowledge', { linkId: 'ars-prefecture' })).ok).toBe(true);
        const finess = Object.keys(runtime.state.careMap.finessIds)[0]!;
        expect((await ars.send('careMap.setStatus', { finess, mode: 'critique', situation: 'Urgences saturées' })).ok).toBe(true);
        await capture();
      }
      if (step === 12) await capture();
    }
    const objective = runtime.state.exercise.observerKit!.objectives[0]!;
    expect((await evaluator.send('evaluation.scoreObjective', { objectiveId: objective.id, score: 3, comment: 'Bonne articulation' })).ok).toBe(true);
    expect((await evaluator.send('evaluation.addObservation', { text: 'Point de situation clair', objectiveId: objective.id })).ok).toBe(true);
    // Two ticks for another objective (an expected action of a stimulus, a grid criterion): counted there only.
    const kit = runtime.state.exercise.observerKit!;
    const other = kit.objectives.find((o) => o.id !== objective.id && kit.expectedActions.some((a) => a.objective === o.id) && kit.grid.some((g) => g.objectiveId === o.id))!;
    const action = kit.expectedActions.find((a) => a.objective === other.id)!;
    const criterion = kit.grid.find((g) => g.objectiveId === other.id)!.criteria[0]!;
    expect((await evaluator.send('evaluation.observeAction', { stimulusId: action.stimulusId, actionId: action.id, comment: '' })).ok).toBe(true);
    expect((await evaluator.send('evaluation.observeAction', { stimulusId: 'grille', actionId: criterion.id, comment: '' })).ok).toBe(true);
    observedObjective = other.id;
    expect((await director.send('clock.end')).ok).toBe(true);
  }, 120_000);

  afterAll(async () => {
    for (const c of [director, ars, prefecture, evaluator]) c?.close();
    await server?.close();
  });

  it("the report's measures equal those recomputed here from the raw event log", async () => {
    const report: RetexReport = (await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, room.directorToken)).body;
    const events = await server.server.store.events.read(room.roomId);
    const of = <P>(type: string) => events.filter((e) => e.type === type) as RoomEvent<P>[];

    const expectedStimuli = of<{ item: { id: string; recipients: string[]; subject: string } }>('stimulus.injected').flatMap((inj) =>
      inj.payload.item.recipients.map((cell) => {
        const ack = of<{ id: string; cell: string }>('stimulus.acknowledged').find((a) => a.payload.id === inj.payload.item.id && a.payload.cell === cell);
        return { stimulusId: inj.payload.item.id, cell, injectedAt: inj.exerciseTime, ackDelay: ack ? ack.exerciseTime - inj.exerciseTime : null };
      }),
    );
    expect(report.stimuli.map(({ stimulusId, cell, injectedAt, ackDelay }) => ({ stimulusId, cell, injectedAt, ackDelay }))).toEqual(expectedStimuli);
    expect(report.stimuli.filter((s) => s.ackDelay !== null).length).toBeGreaterThan(5);

    const alertedAt = (linkId: string) => of<{ linkId: string }>('alertChain.alertSent').find((e) => e.payload.linkId === linkId)?.exerciseTime ?? null;
    const ackedAt = (linkId: string) => of<{ linkId: string }>('alertChain.acknowledged').find((e) => e.payload.linkId === linkId)?.exerciseTime ?? null;
    for (const linkId of ['etab-ars-astreinte', 'astreinte-ars', 'ars-prefecture', 'ars-corruss']) {
      const measured = report.alertChain.links.find((l) => l.linkId === linkId)!;
      expect(measured.alertedAt).toBe(alertedAt(linkId));
      expect(measured.acknowledgedAt).toBe(ackedAt(linkId));
    }
    // Deadlines, recomputed from the template: T0 triggers from 0, upstream ones from the alert of their sender.
    const astreinte = report.alertChain.links.find((l) => l.linkId === 'astreinte-ars')!;
    expect(report.alertChain.links.find((l) => l.linkId === 'etab-ars-astreinte')!.deadlineAt).toBe(30 * 60_000);
    expect(astreinte.deadlineAt).toBe(alertedAt('etab-ars-astreinte')! + 30 * 60_000);
    expect(astreinte.late).toBe(alertedAt('astreinte-ars')! > astreinte.deadlineAt!);

    const objective = report.evaluation.objectives[0]!;
    expect(objective).toMatchObject({ score: 3, scoreComment: 'Bonne articulation' });
    // Each objective counts its own ticks (it used to repeat the room-wide count on every objective).
    for (const o of report.evaluation.objectives) expect(o.observedActions).toBe(o.id === observedObjective ? 2 : 0);
    expect(objective.observations.map((o) => o.text)).toEqual(['Point de situation clair']);
    expect(report.suggestions.some((s) => /jamais acquitté/.test(s))).toBe(true);
    // Cells by their label, never their id (« par la cellule ars »).
    expect(report.suggestions.join('\n')).not.toMatch(/cellule (ars|prefecture)\b/);
    expect(report.suggestions.some((s) => /jamais acquitté par ARS/.test(s))).toBe(true);
    expect(report.timeline.length).toBeGreaterThan(40);
  });

  it('replay at time T equals the live state captured at T (map, chain, main courante)', async () => {
    const events = await server.server.store.events.read(room.roomId);
    expect(captures.length).toBe(4);
    for (const c of captures) {
      const replayed = replayAt(room.roomId, events, { role: 'director' }, c.t);
      expect(replayed.careMap.statuses).toEqual(c.careMap);
      expect(replayed.alertChain.links).toEqual(c.chain);
      expect(events.filter((e) => e.type === 'mainCourante.entryAdded' && e.exerciseTime <= c.t).length).toBe(c.entries);
    }
    expect(captures[0]!.chain).not.toEqual(captures[2]!.chain);
  });

  it('players read the report only once the director releases it, and never the animator kit', async () => {
    const before = await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, ars.token);
    expect(before.status).toBe(403);
    expect((await director.send('retex.release')).ok).toBe(true);
    const after = await server.api('GET', `/api/rooms/${room.roomId}/report`, undefined, ars.token);
    expect(after.status).toBe(200);
    expect(JSON.stringify(after.body)).not.toMatch(/animatorNotes|expectedActions/);
    const md = await server.api('GET', `/api/rooms/${room.roomId}/report.md`, undefined, ars.token);
    expect(md.body).toMatch(/^# RETEX — Exercice régional — RETEX/);
    const csv = await server.api('GET', `/api/rooms/${room.roomId}/measures.csv`, undefined, ars.token);
    expect(csv.body.split('\r\n')[0]).toBe('nature,id,objet,attendu_ou_envoye,alerte_ou_accuse,accuse_ou_action,ecart');
  });
});
