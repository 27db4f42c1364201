import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../shared/core/events.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { StaleHeadError, type Store } from '../../server/store/types.js';
import { describeAccess, describeDocClients, describeDocs, describeYjsTickets } from './contract-records.js';
import { describeSharedStore } from './contract-shared.js';
import { describeChainSalt } from './contract-salt.js';
import { describeAppendBatch } from './contract-batch.js';
import { describeIdentityRecords } from './contract-identity.js';
import { draft, roomId } from './contract-fixtures.js';

export interface StoreContractOptions {
  /**
   * Two stores over the same data, as two server instances would open it. Only for stores meant to be
   * shared (PostgreSQL): SQLite belongs to one process.
   */
  openPair?: () => Promise<[Store, Store]>;
}

/**
 * The behaviour every store must have (`types.ts`), whatever its engine: the SQLite default and the
 * PostgreSQL store of multi-instance deployments run this same suite.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>, options: StoreContractOptions = {}): void {
  describe(`store contract: ${name}`, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    describeEvents(fresh);
    describeAppendBatch(fresh);
    describeChainSalt(fresh);
    describeAccess(fresh);
    describeIdentityRecords(fresh);
    describeYjsTickets(fresh);
    describeDocs(fresh);
    describeDocClients(fresh);
    if (options.openPair) describeSharedStore(options.openPair, opened);
  });
}

function describeEvents(fresh: () => Promise<Store>): void {
  it('appends with a gapless per-room seq, reads back identical events, and chains hashes', async () => {
    const store = await fresh();
    const room = roomId();
    const other = roomId();
    expect(await store.events.headSeq(room)).toBe(0);
    const first = await store.events.append(room, [draft('a', { n: 1, nested: { z: 1, a: [1, 'é'] } }), draft('b')], 'cmd-1');
    await store.events.append(other, [draft('x')], null);
    const second = await store.events.append(room, [draft('c', { text: 'ligne\u0000nulle « guillemets »' })], null);
    expect(first.duplicate).toBe(false);
    expect(first.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(second.events[0]!.seq).toBe(3);
    expect(second.events[0]!.prevHash).toBe(first.events[1]!.hash);
    const log = await store.events.read(room);
    expect(log).toEqual([...first.events, ...second.events]);
    expect(verifyChain(log, await store.events.chainSalt(room))).toBeNull();
    expect(await store.events.headSeq(room)).toBe(3);
    expect(await store.events.headSeq(other)).toBe(1);
    expect((await store.events.read(room, 1, 1)).map((e) => e.seq)).toEqual([2]);
    expect(await store.events.read(room, 3)).toEqual([]);
  });

  it('detects a tampered event in the chain', async () => {
    const store = await fresh();
    const room = roomId();
    await store.events.append(room, [draft('a'), draft('b'), draft('c')], null);
    const log = await store.events.read(room);
    const tampered = log.map((e) => (e.seq === 2 ? { ...e, payload: { forged: true } } : e));
    expect(verifyChain(tampered, await store.events.chainSalt(room))).toEqual({ kind: 'hash', index: 1, seq: 2 });
  });

  it('is idempotent on commandId: the second append returns the first events and writes nothing', async () => {
    const store = await fresh();
    const room = roomId();
    const first = await store.events.append(room, [draft('a'), draft('b')], 'same');
    const again = await store.events.append(room, [draft('other')], 'same');
    expect(again).toEqual({ events: first.events, duplicate: true });
    expect(await store.events.headSeq(room)).toBe(2);
    expect(await store.events.commandEvents(room, 'same')).toEqual(first.events);
    expect(await store.events.commandEvents(room, 'never')).toBeNull();
    // A command id is scoped to its room.
    expect((await store.events.append(roomId(), [draft('a')], 'same')).duplicate).toBe(false);
  });

  it('appends only on the expected head, else throws StaleHeadError and writes nothing', async () => {
    const store = await fresh();
    const room = roomId();
    await store.events.append(room, [draft('a')], null, 0);
    const stale = await store.events.append(room, [draft('late')], 'late-cmd', 0).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleHeadError);
    expect(stale).toMatchObject({ roomId: room, expectedSeq: 0, actualSeq: 1 });
    expect(await store.events.headSeq(room)).toBe(1);
    expect(await store.events.commandEvents(room, 'late-cmd')).toBeNull();
    expect((await store.events.append(room, [draft('b')], 'late-cmd', 1)).events[0]!.seq).toBe(2);
  });

  it('is atomic: a failing multi-event append stores none of its events', async () => {
    const store = await fresh();
    const room = roomId();
    await store.events.append(room, [draft('a')], null);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // One draft that cannot be hashed, one that the database refuses (NaN in an integer column).
    for (const bad of [draft('bad', cyclic), { ...draft('bad'), wallTime: Number.NaN }]) {
      await expect(store.events.append(room, [draft('ok'), draft('ok'), bad], 'atomic')).rejects.toThrow();
      expect(await store.events.read(room)).toHaveLength(1);
      expect(await store.events.commandEvents(room, 'atomic')).toBeNull();
    }
    expect((await store.events.append(room, [draft('next')], null)).events[0]!.seq).toBe(2);
  });

  it('keeps seq gapless under concurrent appends to one room', async () => {
    const store = await fresh();
    const room = roomId();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.events.append(room, [draft('n', { i }), draft('m', { i })], `c${i}`)));
    const log = await store.events.read(room);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verifyChain(log, await store.events.chainSalt(room))).toBeNull();
  });

  it('imports an archived room verbatim, read-only, and refuses a room id it already has', async () => {
    const store = await fresh();
    const source = roomId();
    await store.events.append(source, [draft('a', { n: 1 }), draft('b')], 'cmd');
    const archived = await store.events.read(source);
    const copy = roomId();
    const moved = archived.map((e) => ({ ...e, roomId: copy }));
    const salt = await store.events.chainSalt(source);
    await store.events.importRoom(copy, moved, 99, salt);
    expect(await store.events.read(copy)).toEqual(moved);
    expect(await store.events.chainSalt(copy)).toEqual(salt);
    expect(await store.events.headSeq(copy)).toBe(2);
    expect(await store.events.isImported(copy)).toBe(true);
    expect(await store.events.isImported(source)).toBe(false);
    await expect(store.events.importRoom(source, archived, 100, null)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.events.read(source)).toEqual(archived);
  });

  it('lists rooms in creation order', async () => {
    const store = await fresh();
    const [a, b] = [roomId(), roomId()];
    await store.events.append(b, [draft('created', {}, 2000)], null);
    await store.events.append(a, [draft('created', {}, 1000)], null);
    await store.events.append(a, [draft('more', {}, 3000)], null);
    const ids = (await store.events.listRoomIds()).filter((id) => id === a || id === b);
    expect(ids).toEqual([a, b]);
  });
}
