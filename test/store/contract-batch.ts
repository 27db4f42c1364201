import { expect, it } from 'vitest';
import { verifyChain } from '../../server/store/hash-chain.js';
import { StaleHeadError, type Store } from '../../server/store/types.js';
import { draft, hidden, roomId } from './contract-fixtures.js';

/** Group commit (`appendBatch`, issue 16): several commands in one transaction, each as `append` would store it. */
export function describeAppendBatch(fresh: () => Promise<Store>): void {
  it('appendBatch: the commands in order after the head, one gapless chain, one result per command', async () => {
    const store = await fresh();
    const room = roomId();
    const before = await store.events.append(room, [draft('a')], 'cmd-0');
    const results = await store.events.appendBatch(room, [
      { events: [draft('b'), hidden('c')], commandId: 'cmd-1' },
      { events: [draft('d')], commandId: null },
      { events: [], commandId: 'cmd-refused' },
      { events: [draft('e')], commandId: 'cmd-3' },
    ]);
    expect(results.map((r) => r.events.map((e) => [e.seq, e.type, e.commandId]))).toEqual([
      [
        [2, 'b', 'cmd-1'],
        [3, 'c', 'cmd-1'],
      ],
      [[4, 'd', null]],
      [],
      [[5, 'e', 'cmd-3']],
    ]);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(results[0]!.events[0]!.prevHash).toBe(before.events[0]!.hash);
    const log = await store.events.read(room);
    expect(log).toEqual([...before.events, ...results.flatMap((r) => r.events)]);
    expect(verifyChain(log, await store.events.chainSalt(room))).toBeNull();
    expect(await store.events.headSeq(room)).toBe(5);
    // The next append chains on the batch.
    const after = await store.events.append(room, [draft('f')], null);
    expect(after.events[0]).toMatchObject({ seq: 6, prevHash: results[3]!.events[0]!.hash });
    expect(await store.events.appendBatch(room, [])).toEqual([]);
  });

  it('appendBatch: a command already stored, or earlier in the same batch, is answered with its events and written once', async () => {
    const store = await fresh();
    const room = roomId();
    const stored = await store.events.append(room, [draft('a'), draft('b')], 'cmd-1');
    const results = await store.events.appendBatch(room, [
      { events: [draft('a-again')], commandId: 'cmd-1' },
      { events: [draft('c')], commandId: 'cmd-2' },
      { events: [draft('c-again')], commandId: 'cmd-2' },
    ]);
    expect(results[0]).toEqual({ events: stored.events, duplicate: true });
    expect(results[1]!.duplicate).toBe(false);
    expect(results[2]).toEqual({ events: results[1]!.events, duplicate: true });
    expect((await store.events.read(room)).map((e) => e.type)).toEqual(['a', 'b', 'c']);
    // Known after the batch, as any appended command.
    expect(await store.events.commandEvents(room, 'cmd-2')).toEqual(results[1]!.events);
    expect(await store.events.append(room, [draft('c-third')], 'cmd-2')).toEqual({ events: results[1]!.events, duplicate: true });
  });

  it('appendBatch is all or nothing: one command that cannot be stored leaves none of the batch, and the log goes on', async () => {
    const store = await fresh();
    const room = roomId();
    await store.events.append(room, [draft('a')], 'cmd-0');
    const unstorable = draft('bad', { n: 1n }); // a BigInt has no JSON form: the insert fails inside the transaction
    await expect(
      store.events.appendBatch(room, [
        { events: [draft('b')], commandId: 'cmd-1' },
        { events: [unstorable], commandId: 'cmd-2' },
      ]),
    ).rejects.toThrow();
    expect(await store.events.headSeq(room)).toBe(1);
    expect(await store.events.commandEvents(room, 'cmd-1')).toBeNull();
    const retried = await store.events.appendBatch(room, [{ events: [draft('b')], commandId: 'cmd-1' }]);
    expect(retried[0]!.events[0]!.seq).toBe(2);
    expect(verifyChain(await store.events.read(room), await store.events.chainSalt(room))).toBeNull();
  });

  it('appendBatch on an expected head: stored only on that head, a duplicate answered whatever the head', async () => {
    const store = await fresh();
    const room = roomId();
    await store.events.append(room, [draft('a')], 'cmd-0');
    await expect(store.events.appendBatch(room, [{ events: [draft('b')], commandId: 'cmd-1' }], 0)).rejects.toBeInstanceOf(StaleHeadError);
    expect(await store.events.headSeq(room)).toBe(1);
    const results = await store.events.appendBatch(
      room,
      [
        { events: [], commandId: 'cmd-0' },
        { events: [draft('b'), draft('c')], commandId: 'cmd-1' },
        { events: [], commandId: 'refused' },
        { events: [draft('d')], commandId: 'cmd-2' },
      ],
      1,
    );
    expect(results.map((r) => [r.duplicate, r.events.map((e) => e.seq)])).toEqual([
      [true, [1]],
      [false, [2, 3]],
      [false, []],
      [false, [4]],
    ]);
    expect(await store.events.commandEvents(room, 'refused')).toBeNull();
    const duplicate = await store.events.appendBatch(room, [{ events: [], commandId: 'cmd-2' }], 0);
    expect(duplicate[0]).toMatchObject({ duplicate: true });
  });
}
