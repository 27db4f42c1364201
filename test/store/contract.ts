import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../shared/core/events.js';
import { systemActor } from '../../shared/core/roles.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { StaleHeadError, type InvitationRecord, type NewEvent, type SessionRecord, type Store } from '../../server/store/types.js';

export interface StoreContractOptions {
  /**
   * Two stores over the same data, as two server instances would open it. Only for stores meant to be
   * shared (PostgreSQL): SQLite belongs to one process.
   */
  openPair?: () => Promise<[Store, Store]>;
}

let counter = 0;
const roomId = () => `room-${Date.now().toString(36)}-${++counter}`;

export function draft(type: string, payload: unknown = {}, wallTime = 1_700_000_000_000): NewEvent {
  return { type, wallTime, exerciseTime: 1234, actor: systemActor, visibility: 'all', payload };
}

// Ids and hashes are global (not per room): they carry the room id so that tests sharing a database never collide.
const invitation = (room: string, id: string, createdAt: number): InvitationRecord => ({
  id: `${room}/${id}`,
  roomId: room,
  role: 'player',
  cell: 'ars',
  label: 'Cellule ARS',
  createdAt,
  expiresAt: createdAt + 3_600_000,
  revokedAt: null,
});

const session = (room: string, id: string, invitationId: string | null, createdAt: number): SessionRecord => ({
  id: `${room}/${id}`,
  roomId: room,
  role: 'player',
  cell: 'ars',
  name: `Agent ${id}`,
  invitationId: invitationId && `${room}/${invitationId}`,
  createdAt,
  expiresAt: null,
  revokedAt: null,
});

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
    describeAccess(fresh);
    describeDocs(fresh);
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
    expect(verifyChain(log)).toBeNull();
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
    expect(verifyChain(tampered)).toEqual({ kind: 'hash', index: 1, seq: 2 });
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
    expect(verifyChain(log)).toBeNull();
  });

  it('imports an archived room verbatim, read-only, and refuses a room id it already has', async () => {
    const store = await fresh();
    const source = roomId();
    await store.events.append(source, [draft('a', { n: 1 }), draft('b')], 'cmd');
    const archived = await store.events.read(source);
    const copy = roomId();
    const moved = archived.map((e) => ({ ...e, roomId: copy }));
    await store.events.importRoom(copy, moved, 99);
    expect(await store.events.read(copy)).toEqual(moved);
    expect(await store.events.headSeq(copy)).toBe(2);
    expect(await store.events.isImported(copy)).toBe(true);
    expect(await store.events.isImported(source)).toBe(false);
    await expect(store.events.importRoom(source, archived, 100)).rejects.toMatchObject({ code: 'conflict' });
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

function describeAccess(fresh: () => Promise<Store>): void {
  it('stores invitations and sessions, finds them by hash only, lists them per room', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createInvitation(invitation(room, 'inv-1', 10), h('code-1'));
    await store.access.createInvitation(invitation(roomId(), 'inv-x', 11), h('code-x'));
    expect(await store.access.findInvitationByCodeHash(h('code-1'))).toEqual(invitation(room, 'inv-1', 10));
    expect(await store.access.findInvitationByCodeHash(h('unknown'))).toBeNull();
    await expect(store.access.createInvitation(invitation(room, 'inv-2', 12), h('code-1'))).rejects.toThrow();
    expect((await store.access.listInvitations(room)).map((i) => i.id)).toEqual([h('inv-1')]);

    await store.access.createSession(session(room, 's-1', 'inv-1', 20), h('token-1'));
    await store.access.createSession(session(room, 's-2', null, 21), h('token-2'));
    expect(await store.access.findSessionByTokenHash(h('token-1'))).toEqual(session(room, 's-1', 'inv-1', 20));
    expect(await store.access.findSessionByTokenHash(h('nope'))).toBeNull();
    expect((await store.access.listSessions(room)).map((s) => s.id)).toEqual([h('s-1'), h('s-2')]);
  });

  it('revokes an invitation once, and sessions by session or by invitation', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createInvitation(invitation(room, 'inv-1', 10), h('c1'));
    expect(await store.access.revokeInvitation(room, h('inv-1'), 50)).toBe(true);
    expect(await store.access.revokeInvitation(room, h('inv-1'), 60)).toBe(false);
    expect(await store.access.revokeInvitation(roomId(), h('inv-1'), 60)).toBe(false);
    expect((await store.access.findInvitationByCodeHash(h('c1')))!.revokedAt).toBe(50);

    for (const [id, inv] of [['s-1', 'inv-1'], ['s-2', 'inv-1'], ['s-3', null]] as const) {
      await store.access.createSession(session(room, id, inv, 20), h(`t-${id}`));
    }
    expect(await store.access.revokeSessions(room, { sessionId: h('s-3') }, 70)).toEqual([h('s-3')]);
    expect((await store.access.revokeSessions(room, { invitationId: h('inv-1') }, 80)).sort()).toEqual([h('s-1'), h('s-2')]);
    expect(await store.access.revokeSessions(room, { invitationId: h('inv-1') }, 90)).toEqual([]);
    expect(await store.access.revokeSessions(roomId(), { sessionId: h('s-1') }, 90)).toEqual([]);
    const revoked = await store.access.listSessions(room);
    expect(revoked.map((s) => [s.id, s.revokedAt])).toEqual([[h('s-1'), 80], [h('s-2'), 80], [h('s-3'), 70]]);
  });
}

function describeDocs(fresh: () => Promise<Store>): void {
  it('stores Yjs updates in order, compacts them into a snapshot and keeps later updates after it', async () => {
    const store = await fresh();
    const room = roomId();
    const bytes = (...b: number[]) => new Uint8Array(b);
    const ids = [];
    for (const n of [1, 2, 3]) ids.push(await store.docs.appendUpdate(room, 'main-courante', bytes(n, 0, 255)));
    await store.docs.appendUpdate(room, 'notes', bytes(9));
    expect(ids[1]!).toBeGreaterThan(ids[0]!);
    expect(ids[2]!).toBeGreaterThan(ids[1]!);
    expect(await store.docs.loadUpdates(room, 'main-courante')).toEqual([bytes(1, 0, 255), bytes(2, 0, 255), bytes(3, 0, 255)]);

    await store.docs.compact(room, 'main-courante', bytes(7, 7), ids[1]!);
    await store.docs.appendUpdate(room, 'main-courante', bytes(4));
    expect(await store.docs.loadUpdates(room, 'main-courante')).toEqual([bytes(7, 7), bytes(3, 0, 255), bytes(4)]);
    expect(await store.docs.loadUpdates(room, 'notes')).toEqual([bytes(9)]);
    expect((await store.docs.listDocs(room)).sort()).toEqual(['main-courante', 'notes']);
    expect(await store.docs.listDocs(roomId())).toEqual([]);
  });
}

function describeSharedStore(openPair: () => Promise<[Store, Store]>, opened: Store[]): void {
  it('two instances appending concurrently to one room: no gap, no duplicate, chain intact', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    const appendAll = (store: Store, who: string) =>
      Promise.all(Array.from({ length: 15 }, (_, i) => store.events.append(room, [draft(who, { i }), draft(who, { i, second: true })], `${who}-${i}`)));
    await Promise.all([appendAll(pair[0], 'a'), appendAll(pair[1], 'b')]);
    const log = await pair[0].events.read(room);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(verifyChain(log)).toBeNull();
    expect(await pair[1].events.read(room)).toEqual(log);
    // Each command's two events are contiguous: an append is atomic across instances too.
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]!.commandId).toBe(log[i]!.commandId);
  });

  it('appendDecided: decides under the lock on exactly what was missed; duplicates and refusals write nothing', async () => {
    const [one, two] = await openPair();
    opened.push(one, two);
    if (!one.events.appendDecided) throw new Error('a store shared by instances must implement appendDecided');
    const room = roomId();
    await two.events.append(room, [draft('a'), draft('b')], null);
    const first = await one.events.appendDecided(room, 0, 'decided', (missed) => {
      expect(missed.map((e) => e.seq)).toEqual([1, 2]);
      return [draft('decided', { after: missed.length })];
    });
    expect(first.missed.map((e) => e.type)).toEqual(['a', 'b']);
    expect(first.events.map((e) => [e.seq, e.type])).toEqual([[3, 'decided']]);
    const again = await one.events.appendDecided(room, 3, 'decided', () => [draft('never')]);
    expect(again).toMatchObject({ duplicate: true, events: first.events });
    await expect(one.events.appendDecided(room, 3, 'refused', () => { throw new Error('refusé'); })).rejects.toThrow('refusé');
    expect((await one.events.appendDecided(room, 3, null, () => [])).events).toEqual([]);
    expect(await two.events.headSeq(room)).toBe(3);
    expect(verifyChain(await two.events.read(room))).toBeNull();
  });

  it('appendDecided from two instances at once: each decides on the other’s events, nobody retries or starves', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    // Like a room runtime: one decision at a time per instance, both instances at once.
    const instance = async (store: Store, who: string) => {
      let known = 0;
      for (let i = 0; i < 20; i++) {
        const { events, missed } = await store.events.appendDecided!(room, known, null, () => [draft(who, { i })]);
        // Each decision saw the log exactly from what it knew up to the head: no hole, no overlap.
        expect([...missed, ...events].map((e) => e.seq)).toEqual(Array.from({ length: missed.length + 1 }, (_, k) => known + k + 1));
        known = events.at(-1)!.seq;
      }
    };
    await Promise.all([instance(pair[0], 'a'), instance(pair[1], 'b')]);
    const log = await pair[0].events.read(room);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verifyChain(log)).toBeNull();
  });

  it('two instances deciding on the same head: exactly one wins, the other gets StaleHeadError', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    await pair[0].events.append(room, [draft('created')], null);
    const results = await Promise.allSettled(pair.map((store, i) => store.events.append(room, [draft('inject', { by: i })], null, 1)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected && rejected.status === 'rejected' && rejected.reason).toBeInstanceOf(StaleHeadError);
    expect(await pair[1].events.headSeq(room)).toBe(2);
  });
}
