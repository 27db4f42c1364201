import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../shared/core/events.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient } from '../helpers/room.js';

/**
 * The default chain's first deadline the players answer for: astreinte ARS → cellule ARS, 30 min after the
 * hospital's own 30 min (its alert never recorded here). The animation's links (établissement → GHT, → SAMU at
 * 15 min) never go overdue.
 */
const firstDeadline = 60 * 60_000;
const firstLinks = ['astreinte-ars'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const overdues = (events: RoomEvent[]) => events.filter((e) => e.type === 'alertChain.overdue');

async function ok(client: TestClient, type: string, payload: unknown = {}) {
  const ack = await client.send(type, payload);
  if (!ack.ok) throw new Error(`${type} refused: ${ack.error.message}`);
  return ack;
}

describe('overdue on the exercise clock', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function directorIn(srv: TestServer) {
    const room = await createRoom(srv.url);
    const director = await connect(srv.url, room.directorToken);
    cleanups.push(() => director.close());
    return { room, director };
  }

  it('fires once per link, at the deadline in exercise time, at ×10', async () => {
    const srv = await startServer();
    cleanups.push(() => srv.close());
    const { director } = await directorIn(srv);
    await ok(director, 'clock.start');
    await ok(director, 'clock.setSpeed', { speed: 10 });
    await ok(director, 'clock.jump', { exerciseTime: firstDeadline - 3_000 });
    expect(overdues(director.events)).toEqual([]);
    await director.waitForEvent((e) => e.type === 'alertChain.overdue', 5_000);
    await sleep(500);
    const fired = overdues(director.events);
    expect(fired.map((e) => (e.payload as { linkId: string }).linkId).sort()).toEqual(firstLinks);
    for (const event of fired) {
      expect(event.payload).toMatchObject({ kind: 'alert', deadlineExerciseTime: firstDeadline });
      expect(event.actor.kind).toBe('system');
      // Appended right after the deadline: within half a second of wall time at ×10, even on a busy machine.
      expect(event.exerciseTime).toBeGreaterThan(firstDeadline);
      expect(event.exerciseTime).toBeLessThan(firstDeadline + 5_000);
    }
  });

  it('stops while the exercise is paused and fires after it resumes', async () => {
    const srv = await startServer();
    cleanups.push(() => srv.close());
    const { director } = await directorIn(srv);
    await ok(director, 'clock.start');
    await ok(director, 'clock.jump', { exerciseTime: firstDeadline - 1_500 });
    await ok(director, 'clock.pause');
    await sleep(2_500);
    expect(overdues(director.events)).toEqual([]);
    await ok(director, 'clock.resume');
    const event = await director.waitForEvent((e) => e.type === 'alertChain.overdue', 5_000);
    expect(event.exerciseTime).toBeGreaterThan(firstDeadline);
    expect(event.exerciseTime).toBeLessThan(firstDeadline + 1_500);
  });

  it('survives a restart: a deadline passed while the server was down fires once, on load', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orsan-alert-chain-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let srv = await startServer({ dataDir });
    const { room, director } = await directorIn(srv);
    await ok(director, 'clock.start');
    await ok(director, 'clock.jump', { exerciseTime: firstDeadline - 1_000 });
    expect(overdues(director.events)).toEqual([]);
    director.close();
    await srv.close();
    await sleep(1_500);

    srv = await startServer({ dataDir });
    cleanups.push(() => srv.close());
    await srv.server.rooms.loadAll();
    const again = await connect(srv.url, room.directorToken, 0);
    cleanups.push(() => again.close());
    await again.waitForEvent((e) => e.type === 'alertChain.overdue', 5_000);
    await sleep(300);
    expect(
      overdues(again.events)
        .map((e) => (e.payload as { linkId: string }).linkId)
        .sort(),
    ).toEqual(firstLinks);
    expect(overdues(again.events)[0]?.payload).toMatchObject({ deadlineExerciseTime: firstDeadline });

    again.close();
    await srv.close();
    const third = await startServer({ dataDir });
    cleanups.push(() => third.close());
    await third.server.rooms.loadAll();
    const last = await connect(third.url, room.directorToken, 0);
    cleanups.push(() => last.close());
    await sleep(500);
    expect(overdues(last.events)).toHaveLength(firstLinks.length);
  });
});
