import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { openSqliteDatabase } from '../../server/store/sqlite-database.js';
import { migrate } from '../../server/store/sqlite-schema.js';
import { SqliteWriter, type WriterOptions } from '../../server/store/sqlite-writer.js';
import { verifyChain } from '../../server/store/hash-chain.js';
import { draft } from './contract-fixtures.js';

const opened: Array<{ writer: SqliteWriter; dir: string }> = [];
afterEach(async () => {
  for (const { writer, dir } of opened.splice(0)) {
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function writerOn(options: WriterOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-writer-'));
  const file = join(dir, 'orsan-room.db');
  migrate(openSqliteDatabase(file));
  // `auto` unless told: these tests are about where it commits and when it moves.
  const writer = new SqliteWriter(file, { mode: 'auto', ...options });
  opened.push({ writer, dir });
  return { writer, file, events: writer.group('events', ['appendBatch']) };
}

let commands = 0;

/** `count` appends to one room, a few per event-loop turn, as commands arrive: their seqs, in the order asked. */
async function appendInTurns(events: ReturnType<typeof writerOn>['events'], room: string, count: number): Promise<number[]> {
  const results: Array<Promise<number>> = [];
  for (let i = 0; i < count; i++) {
    const n = commands++;
    results.push(events.appendBatch(room, [{ events: [draft('room.announced', { text: `n° ${n}` })], commandId: `c-${n}` }]).then(([r]) => r!.events[0]!.seq));
    if (i % 3 === 2) await new Promise((r) => setImmediate(r));
  }
  return Promise.all(results);
}

async function storedChain(file: string, room: string) {
  // The store, reopened on the file, reads what the writer committed and checks its chain.
  const store = openSqliteStore(join(file, '..'));
  try {
    const log = await store.events.read(room);
    return { texts: log.map((e) => (e.payload as { text: string }).text), broken: verifyChain(log, await store.events.chainSalt(room)) };
  } finally {
    await store.close();
  }
}

describe('where the embedded store commits', () => {
  it('auto on a fast disk: every write is committed on the event loop, no thread is started', async () => {
    const { writer, file, events } = writerOn({ slowCommitMs: 1_000 });
    expect(await appendInTurns(events, 'salle', 30)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(writer.committer).toBe('inline');
    expect(writer.moves).toBe(0);
    expect((await storedChain(file, 'salle')).broken).toBeNull();
  });

  it('a slow commit on the event loop moves the writes to the thread once it has started; nothing lost, doubled or reordered', async () => {
    // Every commit counts as slow; the thread never counts as settled.
    const { writer, file, events } = writerOn({ slowCommitMs: -1, settleMs: Number.POSITIVE_INFINITY });
    const seqs = await appendInTurns(events, 'salle', 30);
    // The thread takes some time to start (real time): the writes go on inline meanwhile.
    const giveUp = Date.now() + 20_000;
    while (writer.committer !== 'thread' && Date.now() < giveUp) {
      seqs.push(...(await appendInTurns(events, 'salle', 5)));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(writer.committer).toBe('thread');
    expect(writer.moves).toBe(1);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const after = await appendInTurns(events, 'autre salle', 10);
    expect(after).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const stored = await storedChain(file, 'salle');
    expect(stored.broken).toBeNull();
    expect(stored.texts).toHaveLength(seqs.length);
  });

  it('moving at every slow commit (the thread settled as soon as it answers): both connections keep one chain, a command id once', async () => {
    const { writer, file, events } = writerOn({ slowCommitMs: -1, slowBurst: 1, settleMs: 0 });
    await writer.threadReady();
    const seqs: number[] = [];
    for (let round = 0; round < 40 && writer.moves < 6; round++) seqs.push(...(await appendInTurns(events, 'salle', 5)));
    expect(writer.moves).toBeGreaterThanOrEqual(6);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    // A command sent again after the moves is answered with its first events, not stored twice.
    const first = commands - seqs.length;
    const [again] = await events.appendBatch('salle', [{ events: [draft('room.announced', { text: 'doublon' })], commandId: `c-${first}` }]);
    expect(again).toMatchObject({ duplicate: true, events: [{ seq: 1 }] });
    const stored = await storedChain(file, 'salle');
    expect(stored.broken).toBeNull();
    expect(stored.texts).toHaveLength(seqs.length);
  });

  it('slow commits that do not come in a burst (a WAL checkpoint now and then) leave the writes on the event loop', async () => {
    // Every commit is "slow", but none has another within the window: never `slowBurst` (3) of them.
    const { writer, events } = writerOn({ slowCommitMs: -1, burstWindowMs: 0 });
    await appendInTurns(events, 'salle', 40);
    expect(writer.committer).toBe('inline');
    expect(writer.moves).toBe(0);
  });

  it('SQLITE_WRITER=thread never commits on the event loop; inline never starts the thread', async () => {
    const thread = writerOn({ mode: 'thread' });
    await appendInTurns(thread.events, 'salle', 10);
    expect(thread.writer.committer).toBe('thread');
    const inline = writerOn({ mode: 'inline', slowCommitMs: -1 });
    await appendInTurns(inline.events, 'salle', 10);
    expect(inline.writer.committer).toBe('inline');
    expect(inline.writer.moves).toBe(0);
  });
});
