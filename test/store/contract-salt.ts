import { expect, it } from 'vitest';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { hashEvent, verifyChain } from '../../server/store/hash-chain.js';
import type { NewEvent, Store } from '../../server/store/types.js';
import { draft, hidden, roomId } from './contract-fixtures.js';

/** What a player can compute for an event whose whole content he guesses: the plain sha256. */
const naiveHash = (event: RoomEvent) => hashEvent(event, null);

/** A log as stores wrote it before salts existed: plain sha256 for every event. */
function unsaltedLog(room: string, drafts: NewEvent[]): RoomEvent[] {
  let prevHash = GENESIS_HASH;
  return drafts.map((d, i) => {
    const unhashed = { roomId: room, seq: i + 1, ...d, commandId: null, prevHash };
    prevHash = hashEvent(unhashed, null);
    return { ...unhashed, hash: prevHash };
  });
}

/** Each room's salt for the hashes of its hidden events (hash-chain.ts), the same on every engine. */
export function describeChainSalt(fresh: () => Promise<Store>): void {
  it('hashes each event hidden from someone with the room’s salt: the naive guess from its plaintext no longer matches', async () => {
    const store = await fresh();
    const room = roomId();
    expect(await store.events.chainSalt(room)).toBeNull();
    await store.events.append(
      room,
      [
        draft('room.created'),
        hidden('stimulus.cancelled', { id: 'S06' }),
        hidden('evaluation.noted', { note: 3 }, 'staff'),
        hidden('stimulus.injected', { id: 'S01' }, { cells: ['ars'] }),
        draft('room.announced', { text: 'Point' }),
      ],
      null,
    );
    const log = await store.events.read(room);
    const salt = await store.events.chainSalt(room);
    expect(salt).toEqual({ secret: expect.stringMatching(/^[0-9a-f]{64}$/), fromSeq: 1 });
    expect(verifyChain(log, salt)).toBeNull();
    // Public events keep a plain sha256; hidden ones (director, staff, another cell) cannot be recomputed without the salt.
    expect(log.map((e) => naiveHash(e) === e.hash)).toEqual([true, false, false, false, true]);
    expect(verifyChain(log, null)).toEqual({ kind: 'hash', index: 1, seq: 2 });
    // The salt belongs to one room and travels in no event.
    const other = roomId();
    await store.events.append(other, [hidden('x')], null);
    expect((await store.events.chainSalt(other))?.secret).not.toBe(salt?.secret);
    expect(JSON.stringify(log)).not.toContain(salt!.secret);
  });

  it('a room created before salts keeps its plain hashes and is salted from its next append; it verifies whole', async () => {
    const store = await fresh();
    const room = roomId();
    const old = unsaltedLog(room, [draft('room.created'), hidden('stimulus.cancelled', { id: 'S06' })]);
    await store.events.importRoom(room, old, 1, null);
    expect(await store.events.chainSalt(room)).toBeNull();
    await store.events.append(room, [hidden('stimulus.cancelled', { id: 'S07' }), draft('room.announced')], null);
    const salt = await store.events.chainSalt(room);
    expect(salt?.fromSeq).toBe(3);
    const log = await store.events.read(room);
    expect(verifyChain(log, salt)).toBeNull();
    expect(log.map((e) => naiveHash(e) === e.hash)).toEqual([true, true, false, true]);
  });

  it('a failed first append leaves no salt behind; the next one creates it', async () => {
    const store = await fresh();
    const room = roomId();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(store.events.append(room, [hidden('ok'), hidden('bad', cyclic)], null)).rejects.toThrow();
    expect(await store.events.chainSalt(room)).toBeNull();
    await store.events.append(room, [draft('a')], null, 0);
    await expect(store.events.append(room, [hidden('late')], null, 0)).rejects.toThrow();
    await store.events.append(room, [hidden('b')], null, 1);
    const salt = await store.events.chainSalt(room);
    expect(salt?.fromSeq).toBe(1);
    expect(verifyChain(await store.events.read(room), salt)).toBeNull();
  });
}
