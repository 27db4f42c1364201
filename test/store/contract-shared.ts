import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { verifyChain } from '../../server/store/hash-chain.js';
import { StaleHeadError, type Store } from '../../server/store/types.js';
import { draft, hidden, roomId, session, textEdits, textOf } from './contract-fixtures.js';

/** What a store shared by several instances (PostgreSQL) must also do: two stores stand for two instances. */
export function describeSharedStore(openPair: () => Promise<[Store, Store]>, opened: Store[]): void {
  it('two instances appending concurrently to one room: no gap, no duplicate, chain intact', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    const appendAll = (store: Store, who: string) => Promise.all(Array.from({ length: 15 }, (_, i) => store.events.append(room, [draft(who, { i }), hidden(who, { i, second: true })], `${who}-${i}`)));
    await Promise.all([appendAll(pair[0], 'a'), appendAll(pair[1], 'b')]);
    const log = await pair[0].events.read(room);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    // One salt for the room whichever instance appended first: both hashed their hidden events with it.
    expect(await pair[1].events.chainSalt(room)).toEqual(await pair[0].events.chainSalt(room));
    expect(verifyChain(log, await pair[1].events.chainSalt(room))).toBeNull();
    expect(verifyChain(log, null)).toMatchObject({ kind: 'hash' });
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
    const first = await one.events.appendDecided(room, 0, ['decided'], (missed, stored) => {
      expect(missed.map((e) => e.seq)).toEqual([1, 2]);
      expect(stored.size).toBe(0);
      return [[draft('decided', { after: missed.length })]];
    });
    expect(first.missed.map((e) => e.type)).toEqual(['a', 'b']);
    expect(first.results[0]!.events.map((e) => [e.seq, e.type])).toEqual([[3, 'decided']]);
    const again = await one.events.appendDecided(room, 3, ['decided'], (_missed, stored) => {
      expect([...stored.keys()]).toEqual([0]);
      return [[draft('never')]];
    });
    expect(again.results[0]).toMatchObject({ duplicate: true, events: first.results[0]!.events });
    await expect(
      one.events.appendDecided(room, 3, ['refused'], () => {
        throw new Error('refusé');
      }),
    ).rejects.toThrow('refusé');
    expect((await one.events.appendDecided(room, 3, [null], () => [[]])).results[0]!.events).toEqual([]);
    expect(await two.events.headSeq(room)).toBe(3);
    expect(verifyChain(await two.events.read(room), await two.events.chainSalt(room))).toBeNull();
  });

  it('appendDecided with a batch: one transaction, in order, stored and repeated command ids written once, a refused one (empty) skipped', async () => {
    const [one, two] = await openPair();
    opened.push(one, two);
    const room = roomId();
    await two.events.append(room, [draft('old')], 'old');
    const { results, missed } = await one.events.appendDecided!(room, 0, ['old', 'x', null, 'refused', 'x', 'y'], (_missed, stored) => {
      expect([...stored.keys()]).toEqual([0]);
      return [[], [draft('x1'), draft('x2')], [draft('system')], [], [draft('never')], [draft('y')]];
    });
    expect(missed.map((e) => e.type)).toEqual(['old']);
    expect(results.map((r) => [r.duplicate, r.events.map((e) => `${e.seq}:${e.type}`)])).toEqual([
      [true, ['1:old']],
      [false, ['2:x1', '3:x2']],
      [false, ['4:system']],
      [false, []],
      [true, ['2:x1', '3:x2']],
      [false, ['5:y']],
    ]);
    const log = await two.events.read(room);
    expect(log.map((e) => e.type)).toEqual(['old', 'x1', 'x2', 'system', 'y']);
    expect(verifyChain(log, await two.events.chainSalt(room))).toBeNull();
    expect(await two.events.commandEvents(room, 'refused')).toBeNull();
    expect((await two.events.commandEvents(room, 'x'))!.map((e) => e.seq)).toEqual([2, 3]);
  });

  it('appendDecided from two instances at once: each decides on the other’s events, nobody retries or starves', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    // Like a room runtime: one decision at a time per instance, both instances at once.
    const instance = async (store: Store, who: string) => {
      let known = 0;
      for (let i = 0; i < 20; i++) {
        const { results, missed } = await store.events.appendDecided!(room, known, [null], () => [[draft(who, { i })]]);
        const events = results[0]!.events;
        // Each decision saw the log exactly from what it knew up to the head: no hole, no overlap.
        expect([...missed, ...events].map((e) => e.seq)).toEqual(Array.from({ length: missed.length + 1 }, (_, k) => known + k + 1));
        known = events.at(-1)!.seq;
      }
    };
    await Promise.all([instance(pair[0], 'a'), instance(pair[1], 'b')]);
    const log = await pair[0].events.read(room);
    expect(log.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(verifyChain(log, await pair[0].events.chainSalt(room))).toBeNull();
  });

  it('a compaction keeps the updates another instance stored that its snapshot lacks', async () => {
    const [one, two] = await openPair();
    opened.push(one, two);
    const room = roomId();
    const edits = textEdits('alerte ', 'préfecture ', 'SAMU');
    await one.docs.appendUpdate(room, 'mc', edits.updates[0]!);
    // Stored by the other instance, not yet relayed to the first one.
    await two.docs.appendUpdate(room, 'mc', edits.updates[1]!);
    const own = await one.docs.appendUpdate(room, 'mc', edits.updates[2]!);
    const withoutOther = new Y.Doc();
    for (const u of [edits.updates[0]!, edits.updates[2]!]) Y.applyUpdate(withoutOther, u);
    await one.docs.compact(room, 'mc', Y.encodeStateAsUpdate(withoutOther), own);
    const loaded = await two.docs.loadUpdates(room, 'mc');
    expect(loaded).toHaveLength(1);
    expect(textOf(loaded)).toBe('alerte préfecture SAMU');
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

  it('a Yjs ticket issued on one instance is redeemed once, on whichever instance gets it first', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    await pair[0].access.createSession(session(room, 's-1', null, 20), `${room}/token`);
    await pair[0].access.createYjsTicket(`${room}/ticket`, `${room}/s-1`, 1_000, 61_000);
    const redeemed = await Promise.all(pair.map((store) => store.access.consumeYjsTicket(`${room}/ticket`, 2_000)));
    expect(redeemed.filter((s) => s !== null).map((s) => s!.id)).toEqual([`${room}/s-1`]);
  });

  it('two instances claiming one Yjs client id for two sessions: one owns it, both are told the same', async () => {
    const pair = await openPair();
    opened.push(...pair);
    const room = roomId();
    const claims = await Promise.all(pair.map((store, i) => store.docs.claimClients(room, 'main-courante', `session-${i}`, [42])));
    expect(claims[0]!.get(42)).toBe(claims[1]!.get(42));
    expect(['session-0', 'session-1']).toContain(claims[0]!.get(42));
  });
}
