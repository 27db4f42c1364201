import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Participant } from '../../shared/core/define.js';
import { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestSchema, type TestSchema } from '../store/pg-env.js';

/**
 * Issue 16, group commit: the commands that arrive together are decided in order, each on the state the previous
 * ones lead to, and stored in one transaction; each is answered alone. On both stores, through the real runtime.
 */
const director: Participant = { kind: 'participant', sessionId: 'dir', name: 'Directrice', role: 'director' };
const announce = (runtime: RoomRuntime, commandId: string, text: string) => runtime.execute(director, commandId, 'room.announce', { text });

const stores: { name: string; open: () => Promise<Store>; cleanup: () => Promise<void> }[] = [];
{
  let dir = '';
  stores.push({
    name: 'SQLite',
    open: async () => openSqliteStore((dir = mkdtempSync(join(tmpdir(), 'orsan-group-'))), { mode: 'thread' }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  });
  let inlineDir = '';
  stores.push({
    name: 'SQLite, sur la boucle',
    open: async () => openSqliteStore((inlineDir = mkdtempSync(join(tmpdir(), 'orsan-group-'))), { mode: 'inline' }),
    cleanup: async () => rmSync(inlineDir, { recursive: true, force: true }),
  });
  let schema: TestSchema | null = null;
  stores.push({
    name: 'PostgreSQL',
    open: async () => openPostgresStore({ url: (schema = await createTestSchema()).url, poolSize: 4 }),
    cleanup: async () => void (await schema?.drop()),
  });
}

describe.each(stores)('group commit on $name', ({ name, open, cleanup }) => {
  let store: Store;
  let room = 0;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await store.close();
    await cleanup();
  });
  const freshRoom = async () => RoomRuntime.load(`salle-${++room}`, store.events);
  /** Transactions the runtime opens on the store (the real store does the work). */
  const countTransactions = () => {
    const spies = [vi.spyOn(store.events, 'appendBatch')];
    if (store.events.appendDecided) spies.push(vi.spyOn(store.events, 'appendDecided') as never);
    return () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
  };

  it('a burst of 40 commands: fewer transactions than commands, answered in order, one gapless chain', async () => {
    const runtime = await freshRoom();
    const viewers = [{ role: 'player', cell: 'ars' }, { role: 'observer' }] as const;
    for (const viewer of viewers) await runtime.stateFor(viewer);
    const transactions = countTransactions();
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => announce(runtime, `c${i}`, `annonce ${i}`)));
    const count = transactions();
    vi.restoreAllMocks();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(10);
    expect(outcomes.map((o) => o.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(outcomes.every((o) => !o.duplicate)).toBe(true);
    const log = await store.events.read(runtime.id);
    expect(log.map((e) => (e.payload as { text: string }).text)).toEqual(Array.from({ length: 40 }, (_, i) => `annonce ${i}`));
    expect(verifyChain(log, await store.events.chainSalt(runtime.id))).toBeNull();
    expect(runtime.state.room.announcement?.text).toBe('annonce 39');
    // The room replays from the store to the state it holds live, and so does each audience's projection.
    const replayed = await RoomRuntime.load(runtime.id, store.events);
    expect(replayed.state).toEqual(runtime.state);
    for (const viewer of viewers) expect(await runtime.stateFor(viewer)).toEqual(await replayed.stateFor(viewer));
  });

  it('each command of a batch is decided on the state the previous ones lead to; a refusal refuses only its own', async () => {
    const runtime = await freshRoom();
    const seen: number[] = [];
    const decideAfter = (text: string) => (state: typeof runtime.state) => {
      seen.push(state.seq);
      return [{ type: 'room.announced', payload: { text }, visibility: 'all' as const }];
    };
    const results = await Promise.allSettled([
      runtime.appendSystem(decideAfter('un')),
      runtime.appendSystem(decideAfter('deux')),
      // Breaks its event's schema: refused before anything is written.
      runtime.appendSystem(() => [{ type: 'room.announced', payload: { text: 42 }, visibility: 'all' }]),
      runtime.appendSystem(() => {
        throw new Error('règle métier');
      }),
      runtime.appendSystem(decideAfter('trois')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(results[2]).toMatchObject({ reason: { code: 'invalid' } });
    expect(results[3]).toMatchObject({ reason: { message: 'règle métier' } });
    expect(seen).toEqual([0, 1, 2]);
    const log = await store.events.read(runtime.id);
    expect(log.map((e) => [e.seq, (e.payload as { text: string }).text])).toEqual([
      [1, 'un'],
      [2, 'deux'],
      [3, 'trois'],
    ]);
  });

  it('the same command id twice in a burst, or again later: stored once, every sender answered with its events', async () => {
    const runtime = await freshRoom();
    const [first, again, other] = await Promise.all([announce(runtime, 'same', 'une fois'), announce(runtime, 'same', 'une fois'), announce(runtime, 'autre', 'autre')]);
    expect(first).toMatchObject({ seq: 1, duplicate: false });
    expect(again).toMatchObject({ seq: 1, duplicate: true, events: first.events });
    expect(other).toMatchObject({ seq: 2, duplicate: false });
    const later = await announce(runtime, 'same', 'une fois');
    expect(later).toMatchObject({ seq: 1, duplicate: true });
    expect(await store.events.headSeq(runtime.id)).toBe(2);
  });

  it('a batch that cannot be stored rejects all its commands, keeps the state as it was, and the room goes on', async () => {
    const runtime = await freshRoom();
    await announce(runtime, 'avant', 'avant');
    const method = store.events.appendDecided ? 'appendDecided' : 'appendBatch';
    vi.spyOn(store.events, method).mockRejectedValueOnce(new Error('disque plein'));
    const results = await Promise.allSettled([announce(runtime, 'a', 'a'), announce(runtime, 'b', 'b')]);
    vi.restoreAllMocks();
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(runtime.state.seq).toBe(1);
    expect(runtime.state.room.announcement?.text).toBe('avant');
    // Retried by the clients: stored now, once.
    const retried = await Promise.all([announce(runtime, 'a', 'a'), announce(runtime, 'b', 'b')]);
    expect(retried.map((o) => [o.seq, o.duplicate])).toEqual([
      [2, false],
      [3, false],
    ]);
  });

  it('an exclusive task sees every command submitted before it applied, none submitted after it', async () => {
    const runtime = await freshRoom();
    const before = announce(runtime, 'x', 'avant');
    const exclusive = runtime.exclusive(() => runtime.state.room.announcement?.text);
    const after = announce(runtime, 'y', 'après');
    expect(await exclusive).toBe('avant');
    expect((await before).seq).toBe(1);
    expect((await after).seq).toBe(2);
  });

  it('batches committed one behind the other: each decided on the state the previous one leads to, applied in order', async () => {
    const runtime = await freshRoom();
    const seen: number[] = [];
    const applied: number[] = [];
    runtime.onEvents((events) => applied.push(...events.map((e) => e.seq)));
    const decideAfter = (state: typeof runtime.state) => {
      seen.push(state.seq);
      return [{ type: 'room.announced', payload: { text: `après ${state.seq}` }, visibility: 'all' as const }];
    };
    // Ten batches, each submitted in its own turn of the event loop while the previous ones are being committed.
    const real = store.events.appendBatch.bind(store.events);
    let inFlight = 0;
    let mostInFlight = 0;
    vi.spyOn(store.events, 'appendBatch').mockImplementation(async (...args) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await real(...args);
      } finally {
        inFlight--;
      }
    });
    const results: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      results.push(runtime.appendSystem(decideAfter), runtime.appendSystem(decideAfter));
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(results);
    vi.restoreAllMocks();
    // The embedded store's writer thread takes a batch while the previous one is still being committed.
    if (name === 'SQLite') expect(mostInFlight).toBeGreaterThan(1);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(applied).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const log = await store.events.read(runtime.id);
    expect(log.map((e) => (e.payload as { text: string }).text)).toEqual(Array.from({ length: 20 }, (_, i) => `après ${i}`));
    expect(verifyChain(log, await store.events.chainSalt(runtime.id))).toBeNull();
  });
});

describe('pipelined commits on the embedded store (writer thread)', () => {
  let store: Store;
  let dir = '';
  beforeAll(() => {
    store = openSqliteStore((dir = mkdtempSync(join(tmpdir(), 'orsan-pipeline-'))), { mode: 'thread' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a batch that fails while the next is being committed: the next fails too, nothing half-applied, the room goes on', async () => {
    const runtime = await RoomRuntime.load('salle-pipeline', store.events);
    const real = store.events.appendBatch.bind(store.events);
    let call = 0;
    vi.spyOn(store.events, 'appendBatch').mockImplementation(async (...args) => {
      if (++call > 1) return real(...args);
      // The first batch fails, but only once the second has been handed to the writer (decided on the first's state).
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('disque plein');
    });
    const first = announce(runtime, 'p1', 'premier');
    await new Promise((r) => setTimeout(r, 5));
    const second = announce(runtime, 'p2', 'second');
    const results = await Promise.allSettled([first, second]);
    vi.restoreAllMocks();
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'disque plein' } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: 'unavailable' } });
    expect(runtime.state.seq).toBe(0);
    expect(await store.events.headSeq(runtime.id)).toBe(0);
    const retried = await Promise.all([announce(runtime, 'p1', 'premier'), announce(runtime, 'p2', 'second')]);
    expect(retried.map((o) => o.seq)).toEqual([1, 2]);
    expect(runtime.state.room.announcement?.text).toBe('second');
  });
});
