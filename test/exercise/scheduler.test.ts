import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { dictGet } from '../../shared/core/dict.js';

const injected = (client: TestClient) => client.events.filter((e) => e.type === 'stimulus.injected') as RoomEvent<{ item: InboxItem; due: number | null }>[];

/** Runs the exercise clock forward to just before `due`, at ×10, so that the scheduler (not the jump) delivers it. */
async function runUpTo(director: TestClient, room: TestRoom, server: TestServer, due: number) {
  const runtime = await server.server.rooms.get(room.roomId);
  if (runtime.now().exerciseTime < due - 1500) expect((await director.send('clock.jump', { exerciseTime: due - 1500 })).ok).toBe(true);
}

describe('exercise scheduler on the short demo scenario', () => {
  let server: TestServer;
  let room: TestRoom;
  let director: TestClient;
  let ars: TestClient;
  let prefecture: TestClient;
  let observer: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Démo' });
    director = await connect(server.url, room.directorToken);
    ars = await joinAs(room, 'player', 'ars');
    prefecture = await joinAs(room, 'player', 'prefecture');
    observer = await joinAs(room, 'observer');
  });
  afterAll(async () => {
    for (const c of [director, ars, prefecture, observer]) c?.close();
    await server?.close();
  });

  it('keeps the chronogramme from players and observers but publishes the briefing to all', async () => {
    const arsState = (await server.api('GET', `/api/rooms/${room.roomId}/state`, undefined, ars.token)).body.state;
    const directorState = (await server.api('GET', `/api/rooms/${room.roomId}/state`, undefined, room.directorToken)).body.state;
    expect(arsState.exercise.scenario.title).toBe(directorState.exercise.animator.scenario.title);
    expect(arsState.exercise.animator).toBeNull();
    expect(arsState.exercise.observerKit).toBeNull();
    expect(directorState.exercise.animator.order).toHaveLength(6);
    expect(directorState.room.cells.map((c: { id: string }) => c.id)).toEqual(['ars', 'prefecture']);
  });

  it('delivers each stimulus to its cells, in order, at its exercise time; pause stops it; a met condition cancels a contingency', async () => {
    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('clock.setSpeed', { speed: 10 })).ok).toBe(true);
    await ars.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: InboxItem }).item.id === 'D01');

    // Pause for everyone just before D02: nothing arrives while paused.
    await runUpTo(director, room, server, parseOffset('00:04'));
    expect((await director.send('clock.pause')).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(injected(ars).map((e) => e.payload.item.id)).toEqual(['D01']);
    expect((await director.send('clock.resume')).ok).toBe(true);
    await ars.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: InboxItem }).item.id === 'D02');

    await runUpTo(director, room, server, parseOffset('00:08'));
    await ars.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: InboxItem }).item.id === 'D03');
    // The players divert patients before 00:12: the contingency D04 must never be sent.
    const arsToken = await tokenFor(room, 'player', 'ars');
    const arsPlayer = await connect(server.url, arsToken);
    const { careMap } = (await server.server.rooms.get(room.roomId)).state;
    const [from, to] = Object.keys(careMap.finessIds);
    expect((await arsPlayer.send('careMap.addDiversion', { from, to, patients: 'urgences adultes' })).ok).toBe(true);
    arsPlayer.close();

    for (const offset of ['00:13', '00:19']) {
      await runUpTo(director, room, server, parseOffset(offset));
      await prefecture.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { due: number | null }).due === parseOffset(offset));
    }

    expect(injected(ars).map((e) => e.payload.item.id)).toEqual(['D01', 'D02', 'D03', 'D05', 'D06']);
    expect(injected(prefecture).map((e) => e.payload.item.id)).toEqual(['D05', 'D06']);
    expect(injected(observer).map((e) => e.payload.item.id)).toEqual(['D01', 'D02', 'D03', 'D05', 'D06']);
    for (const e of injected(ars)) {
      // Delivered by the scheduler at its due exercise time (×10: a few ms of wall time are tens of ms of exercise).
      expect(Math.abs(e.exerciseTime - e.payload.due!)).toBeLessThan(1000);
      expect(JSON.stringify(e.payload)).not.toMatch(/expectedActions|animatorNotes|criterion/);
    }
    const directorState = (await server.server.rooms.get(room.roomId)).state;
    expect(dictGet(directorState.exercise.animator!.items, 'D04')!.status).toBe('cancelled');
    expect(Object.values(directorState.exercise.animator!.items).filter((i) => i.status === 'injected')).toHaveLength(5);
  });
});
