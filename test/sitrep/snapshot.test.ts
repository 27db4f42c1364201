import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dictGet } from '../../shared/core/dict.js';
import type { RoomEvent } from '../../shared/core/events.js';
import { type CrisisAction, type DecisionsState } from '../../shared/decisions/state.js';
import { applyEvent } from '../../shared/domain.js';
import { initialRoomState } from '../../shared/room-state.js';
import { sitrepOpened } from '../../shared/sitrep/events.js';
import { buildSnapshot } from '../../shared/sitrep/snapshot.js';
import type { SitrepSnapshot } from '../../shared/sitrep/snapshot-schema.js';
import { RoomService } from '../../server/rooms/room-service.js';
import type { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { roomSetupSteps } from '../../server/features.js';
import { scenariosDir } from '../../server/exercise/scenario-files.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { oneOfEachRole } from '../helpers/actors.js';

/**
 * Issue 14: a point de situation built at T holds exactly the care-map, chain, decisions and actions state of
 * the log at T. The expected content is recomputed here from the raw log: the events up to the point's
 * `sitrep.opened`, replayed with the shared reducer, read field by field; what happens after T is not in it.
 */
const [director, ars] = oneOfEachRole('snap');
let clock = Date.UTC(2026, 11, 2, 8, 0, 0);
let dataDir: string;
let store: Store;
let service: RoomService;
let runtime: RoomRuntime;

async function run(actor: typeof director, type: string, payload: unknown = {}) {
  clock += 60_000;
  await runtime.execute(actor!, randomUUID(), type, payload);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'orsan-sitrep-'));
  store = openSqliteStore(dataDir);
  service = new RoomService(store.events, roomSetupSteps, scenariosDir, () => clock);
  runtime = await service.create({ mode: 'crisis', title: 'Crise cyber GHT' });
});
afterAll(async () => {
  service.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The log as stored, replayed with the shared reducer up to (not including) the event at `seq`. */
async function replayBefore(seq: number) {
  const events: RoomEvent[] = await runtime.eventsFor({ role: 'director' }, 0);
  return events.filter((e) => e.seq < seq).reduce(applyEvent, initialRoomState(runtime.id));
}

describe('a point de situation is the state of the log at its time', () => {
  it('holds the care offer and the chain as replayed up to T, and nothing appended after T', async () => {
    await run(ars, 'careMap.setStatus', { finess: '140000209', mode: 'critique', functions: { urgences: 'arret' }, capacity: { urgencesOuvertes: false, litsFermes: 40 }, situation: 'Rançongiciel' });
    await run(ars, 'careMap.setBascule', { samu: '500000450', to: '140000209' });
    await run(ars, 'careMap.addDiversion', { from: '140000209', to: '500000450', patients: 'Urgences adultes', note: '' });
    await run(director, 'alertChain.alert', { linkId: 'etab-ght', channel: 'telephone', message: 'Cyberattaque' });
    await run(director, 'alertChain.acknowledge', { linkId: 'etab-ght' });
    await run(director, 'alertChain.alert', { linkId: 'etab-samu', channel: 'telephone', message: 'Cyberattaque' });
    await run(ars, 'decision.record', {
      title: 'Plan blanc',
      rationale: 'Urgences fermées.',
      actions: [
        { title: 'Prévenir le COD', ownerCell: 'prefecture' },
        { title: 'Renfort SMUR', ownerCell: 'ars' },
      ],
    });
    await run(ars, 'action.setStatus', { id: 'A2', status: 'faite' });
    // Far enough for the chain's T0 deadlines to have passed: some links are late at T.
    clock += 30 * 60_000;
    await run(ars, 'sitrep.open');

    // After T: the room moves on.
    await run(ars, 'careMap.setStatus', { finess: '140000209', mode: 'normal', functions: { urgences: 'normal' }, capacity: { urgencesOuvertes: true, litsFermes: 0 } });
    await run(ars, 'careMap.endBascule', { samu: '500000450' });
    await run(director, 'alertChain.acknowledge', { linkId: 'etab-samu' });
    await run(ars, 'decision.record', { title: 'Déprogrammation', rationale: 'Après le point.', actions: [] });
    await run(director, 'action.setStatus', { id: 'A1', status: 'faite' });

    const events = await runtime.eventsFor({ role: 'director' }, 0);
    const opened = events.find(sitrepOpened.is)!;
    const snapshot: SitrepSnapshot = opened.payload.snapshot;
    const atT = await replayBefore(opened.seq);
    const now = { wallTime: opened.wallTime, exerciseTime: opened.exerciseTime };

    // Care offer, read from the replayed care map.
    const statuses = Object.keys(atT.careMap.statuses).map((f) => [f, dictGet(atT.careMap.statuses, f)!] as const);
    const notNormal = statuses.filter(([, s]) => s.mode !== 'normal' || s.capacity.urgencesOuvertes === false || (s.capacity.litsFermes ?? 0) > 0);
    expect(snapshot.careOffer.establishments.map((e) => e.finess).sort()).toEqual(notNormal.map(([f]) => f).sort());
    expect(snapshot.careOffer.establishments[0]).toMatchObject({ finess: '140000209', edClosed: true, bedsClosed: 40, situation: 'Rançongiciel' });
    expect(snapshot.careOffer.edsClosed).toBe(1);
    expect(snapshot.careOffer.bedsLost).toBe(notNormal.reduce((sum, [, s]) => sum + (s.capacity.litsFermes ?? 0), 0));
    expect(snapshot.careOffer.bascules.map((b) => [b.samu, b.to])).toEqual(Object.keys(atT.careMap.bascules).map((s) => [s, dictGet(atT.careMap.bascules, s)!.to]));
    expect(snapshot.careOffer.diversions.map((d) => d.id)).toEqual(atT.careMap.diversions.filter((d) => d.endedAt === null).map((d) => d.id));

    // Alert chain: each link's status at T, who acknowledged, who is late on T's clock.
    const links = atT.alertChain.links;
    expect(snapshot.alertChain.links.map((l) => [l.linkId, l.status])).toEqual(links.map((l) => [l.id, l.status]));
    expect(snapshot.alertChain.links.find((l) => l.linkId === 'etab-samu')).toMatchObject({ status: 'alerte', acknowledgedAt: null });
    expect(snapshot.alertChain.acknowledged).toBe(new Set(links.filter((l) => l.status === 'accuse').map((l) => l.to)).size);
    expect(snapshot.alertChain.late).toBeGreaterThan(0);
    expect(snapshot.alertChain.links.filter((l) => l.late).length).toBe(snapshot.alertChain.late);

    // Decisions and actions, read from the replayed log: the decision before T, the action still open at T.
    expect(snapshot.decisions.since.map((d) => d.id)).toEqual(atT.decisions.decisions.map((d) => d.id));
    expect(snapshot.decisions.since.map((d) => d.id)).toEqual(['D1']);
    expect(snapshot.actions.open.map((a) => a.id)).toEqual(atT.decisions.actions.filter((a) => a.status === 'a_faire' || a.status === 'en_cours').map((a) => a.id));
    expect(snapshot.actions.open.map((a) => a.id)).toEqual(['A1']);

    // The whole snapshot is what the shared builder gives on the replayed state, and differs from the live one.
    expect(snapshot).toEqual(buildSnapshot(atT, now, atT.decisions));
    expect(snapshot.builtAt.seq).toBe(opened.seq - 1);
    const live = buildSnapshot(runtime.state, now, runtime.state.decisions);
    expect(live.actions.open).toEqual([]);
    expect(live.careOffer.establishments).toEqual([]);
    expect(live.careOffer.bascules).toEqual([]);
    expect(snapshot.careOffer.bascules).toHaveLength(1);
  });

  it('lists the decisions since the previous point and the open and overdue actions', () => {
    const stamp = (minutes: number) => ({ wallTime: clock + minutes * 60_000, exerciseTime: minutes * 60_000 });
    const by = { name: 'Claire', role: 'player' as const, cell: 'ars' };
    const decision = (id: string, minutes: number) => ({ id, title: `Décision ${id}`, rationale: '', cell: 'ars', by, at: stamp(minutes), supersedes: null, supersededBy: null, actionIds: [] });
    const action = (id: string, status: CrisisAction['status'], due: number | null): CrisisAction => ({
      id,
      title: `Action ${id}`,
      details: '',
      ownerCell: 'prefecture',
      ownerName: null,
      due: due === null ? null : { clock: 'exercise', at: due * 60_000 },
      priority: 'normale',
      status,
      abandonReason: null,
      source: { kind: 'libre' },
      createdBy: by,
      createdAt: stamp(0),
      doneAt: null,
      overdueAt: null,
      comments: [],
      history: [],
    });
    const decisions: DecisionsState = {
      decisions: [decision('D1', 5), decision('D2', 20)],
      actions: [action('A1', 'a_faire', 30), action('A2', 'en_cours', 90), action('A3', 'faite', 10), action('A4', 'abandonnee', null)],
    };
    const state = runtime.state;
    const snapshot = buildSnapshot(state, { wallTime: clock, exerciseTime: 60 * 60_000 }, decisions);
    // Point n°1 (the first test's) saw one decision: only the second is « since the previous point ».
    expect(snapshot.decisions).toMatchObject({ total: 2, since: [{ id: 'D2' }] });
    expect(snapshot.actions.open.map((a) => [a.id, a.overdue])).toEqual([
      ['A1', true],
      ['A2', false],
    ]);
    expect(snapshot.actions.overdue).toBe(1);
    // After a point that saw none, both are listed.
    const seenNone = { ...state, sitrep: { ...state.sitrep, points: state.sitrep.points.map((p) => ({ ...p, snapshot: { ...p.snapshot, decisions: { total: 0, since: [] } } })) } };
    expect(buildSnapshot(seenNone, { wallTime: clock, exerciseTime: 0 }, decisions).decisions.since.map((d) => d.id)).toEqual(['D1', 'D2']);
  });
});
