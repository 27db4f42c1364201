import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient } from '../helpers/room.js';

/** An action due at T+20 min (exercise time), well clear of the default chain's own deadlines' effects. */
const due = 20 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const overdues = (events: RoomEvent[]) => events.filter((e) => e.type === 'action.overdue');

async function ok(client: TestClient, type: string, payload: unknown = {}) {
  const ack = await client.send(type, payload);
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.message}`);
  return ack;
}

describe('overdue actions on the exercise clock', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function roomWithAction(srv: TestServer) {
    const room = await createRoom(srv.url);
    const director = await connect(srv.url, room.directorToken);
    cleanups.push(() => director.close());
    await ok(director, 'clock.start');
    await ok(director, 'action.create', { title: 'Rappeler le COD', ownerCell: 'prefecture', dueAt: due });
    return { room, director };
  }

  it('flags the action once, right after its due time in exercise time, at ×10', async () => {
    const srv = await startServer();
    cleanups.push(() => srv.close());
    const { director } = await roomWithAction(srv);
    await ok(director, 'clock.setSpeed', { speed: 10 });
    await ok(director, 'clock.jump', { exerciseTime: due - 3_000 });
    expect(overdues(director.events)).toEqual([]);
    const event = await director.waitForEvent((e) => e.type === 'action.overdue', 5_000);
    await sleep(500);
    expect(overdues(director.events)).toHaveLength(1);
    expect(event.payload).toEqual({ id: 'A1', due: { clock: 'exercise', at: due } });
    expect(event.actor.kind).toBe('system');
    expect(event.exerciseTime).toBeGreaterThanOrEqual(due);
    expect(event.exerciseTime).toBeLessThan(due + 5_000);
  });

  it('flags nothing while the exercise is paused, and flags after it resumes', async () => {
    const srv = await startServer();
    cleanups.push(() => srv.close());
    const { director } = await roomWithAction(srv);
    await ok(director, 'clock.jump', { exerciseTime: due - 1_500 });
    await ok(director, 'clock.pause');
    await sleep(2_500);
    expect(overdues(director.events)).toEqual([]);
    await ok(director, 'clock.resume');
    const event = await director.waitForEvent((e) => e.type === 'action.overdue', 5_000);
    expect(event.exerciseTime).toBeGreaterThanOrEqual(due);
    expect(event.exerciseTime).toBeLessThan(due + 1_500);
  });

  it('does not flag an action done in time', async () => {
    const srv = await startServer();
    cleanups.push(() => srv.close());
    const { director } = await roomWithAction(srv);
    await ok(director, 'action.setStatus', { id: 'A1', status: 'faite' });
    await ok(director, 'clock.jump', { exerciseTime: due + 1_000 });
    await sleep(800);
    expect(overdues(director.events)).toEqual([]);
  });

  it('survives a restart: a due time passed while the server was down is flagged once, on load', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orsan-decisions-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let srv = await startServer({ dataDir });
    const { room, director } = await roomWithAction(srv);
    await ok(director, 'clock.jump', { exerciseTime: due - 1_000 });
    expect(overdues(director.events)).toEqual([]);
    director.close();
    await srv.close();
    await sleep(1_500);

    srv = await startServer({ dataDir });
    cleanups.push(() => srv.close());
    await srv.server.rooms.loadAll();
    const again = await connect(srv.url, room.directorToken, 0);
    cleanups.push(() => again.close());
    const event = await again.waitForEvent((e) => e.type === 'action.overdue', 5_000);
    expect(event.payload).toMatchObject({ id: 'A1', due: { at: due } });
    await sleep(300);
    expect(overdues(again.events)).toHaveLength(1);

    again.close();
    await srv.close();
    const third = await startServer({ dataDir });
    cleanups.push(() => third.close());
    await third.server.rooms.loadAll();
    const last = await connect(third.url, room.directorToken, 0);
    cleanups.push(() => last.close());
    await sleep(500);
    expect(overdues(last.events)).toHaveLength(1);
  });
});
