import type Database from 'better-sqlite3';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { conflict } from '../../shared/core/errors.js';
import { hashEvent, newChainSalt, type ChainSalt } from './hash-chain.js';
import { chainSaltFromRow, eventFromRow, eventToRow, type ChainSaltRow, type EventRow } from './rows.js';
import type { AsyncOf } from './async-of.js';
import { StaleHeadError, type AppendResult, type BatchItem, type EventStore, type NewEvent } from './types.js';

/** The writer thread's log functions as the main thread calls them, and what it says when it lost track of them. */
export type EventWriter = AsyncOf<Pick<ReturnType<typeof sqliteEventWriter>, 'appendBatch' | 'importRoom'>> & {
  /** Called when the writer lost track of what it committed (its thread died): caches must be dropped. */
  onReset(listener: () => void): void;
};

/**
 * The event log on one SQLite connection: statements, and caches of each room's head, command ids and salt (one
 * process owns the file). `appendItems` and `importRoom` write synchronously; `learn` and `forget` keep the caches
 * of a connection that only reads in step with the writer's commits.
 */
function sqliteLog(db: Database.Database) {
  const insert = db.prepare(
    `INSERT INTO events (room_id, seq, type, wall_time, exercise_time, actor, visibility, payload, command_id, prev_hash, hash)
     VALUES (@room_id, @seq, @type, @wall_time, @exercise_time, @actor, @visibility, @payload, @command_id, @prev_hash, @hash)`,
  );
  const selectCommands = db.prepare<[string], { command_id: string; first_seq: number; last_seq: number }>(
    'SELECT command_id, MIN(seq) AS first_seq, MAX(seq) AS last_seq FROM events WHERE room_id = ? AND command_id IS NOT NULL GROUP BY command_id',
  );
  /**
   * Command ids already appended, per room, read once from the events' own `command_id` column. Keeping the
   * idempotency index in memory (one process owns the file) spares every commit a second B-tree write.
   */
  const commandIndex = new Map<string, Map<string, { first_seq: number; last_seq: number }>>();
  const commandsOf = (roomId: string) => {
    let index = commandIndex.get(roomId);
    if (!index) {
      index = new Map(selectCommands.all(roomId).map((r) => [r.command_id, { first_seq: r.first_seq, last_seq: r.last_seq }]));
      commandIndex.set(roomId, index);
    }
    return index;
  };
  const findCommand = { get: (roomId: string, commandId: string) => commandsOf(roomId).get(commandId) };
  const selectHead = db.prepare<[string], { seq: number; hash: string }>('SELECT seq, hash FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 1');
  const selectRange = db.prepare<[string, number, number], EventRow>('SELECT * FROM events WHERE room_id = ? AND seq > ? AND seq <= ? ORDER BY seq');
  const selectAfter = db.prepare<[string, number, number], EventRow>('SELECT * FROM events WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?');
  const selectRooms = db.prepare<[], { room_id: string }>('SELECT room_id FROM events WHERE seq = 1 ORDER BY wall_time');
  const insertImported = db.prepare('INSERT INTO imported_rooms (room_id, imported_at) VALUES (?, ?)');
  const selectImported = db.prepare<[string], { room_id: string }>('SELECT room_id FROM imported_rooms WHERE room_id = ?');
  const selectSalt = db.prepare<[string], ChainSaltRow>('SELECT secret, from_seq FROM chain_salts WHERE room_id = ?');
  const insertSalt = db.prepare('INSERT INTO chain_salts (room_id, secret, from_seq) VALUES (?, ?, ?)');
  const heads = new Map<string, { seq: number; hash: string }>();
  /** Salts never change once stored: cached, like heads, and dropped with them when a transaction fails. */
  const salts = new Map<string, ChainSalt | null>();

  function saltOf(roomId: string): ChainSalt | null {
    if (!salts.has(roomId)) {
      const row = selectSalt.get(roomId);
      salts.set(roomId, row ? chainSaltFromRow(row) : null);
    }
    return salts.get(roomId) ?? null;
  }

  /** The room's salt, created (inside the caller's transaction) if the room has none: its next event is `nextSeq`. */
  function saltFor(roomId: string, nextSeq: number): ChainSalt {
    const existing = saltOf(roomId);
    if (existing) return existing;
    const created = newChainSalt(nextSeq);
    insertSalt.run(roomId, created.secret, created.fromSeq);
    salts.set(roomId, created);
    return created;
  }

  const importTx = db.transaction((roomId: string, events: RoomEvent[], importedAt: number, salt: ChainSalt | null) => {
    if (selectHead.get(roomId)) throw conflict(`La salle « ${roomId} » existe déjà sur cette instance.`);
    for (const e of events) {
      insert.run(eventToRow({ ...e, roomId }));
    }
    if (salt) insertSalt.run(roomId, salt.secret, salt.fromSeq);
    insertImported.run(roomId, importedAt);
  });

  function head(roomId: string): { seq: number; hash: string } {
    let h = heads.get(roomId);
    if (!h) {
      h = selectHead.get(roomId) ?? { seq: 0, hash: GENESIS_HASH };
      heads.set(roomId, h);
    }
    return h;
  }

  /**
   * Inside a transaction: appends one command's events after `at` (the head so far in this transaction), or finds
   * them stored (in the file, or earlier in the same batch: `batch`); with `expectedSeq`, only on
   * that head.
   */
  function appendOne(roomId: string, drafts: NewEvent[], commandId: string | null, at: { seq: number; hash: string }, batch: Map<string, RoomEvent[]>, expectedSeq: number | undefined): AppendResult {
    if (commandId) {
      const earlier = batch.get(commandId);
      if (earlier) return { events: earlier, duplicate: true };
      const seen = findCommand.get(roomId, commandId);
      if (seen) return { events: selectRange.all(roomId, seen.first_seq - 1, seen.last_seq).map(eventFromRow), duplicate: true };
    }
    // A duplicate is answered whatever the head: only a new command is refused on a stale head.
    if (expectedSeq !== undefined && expectedSeq !== at.seq) throw new StaleHeadError(roomId, expectedSeq, at.seq);
    let { seq, hash: prevHash } = at;
    const events: RoomEvent[] = [];
    const salt = drafts.length > 0 ? saltFor(roomId, seq + 1) : null;
    for (const draft of drafts) {
      seq += 1;
      const unhashed = { roomId, seq, ...draft, commandId, prevHash };
      const event: RoomEvent = { ...unhashed, hash: hashEvent(unhashed, salt) };
      insert.run(eventToRow(event));
      events.push(event);
      prevHash = event.hash;
    }
    if (commandId && events.length > 0) batch.set(commandId, events);
    return { events, duplicate: false };
  }

  const appendTx = db.transaction((roomId: string, items: readonly BatchItem[], expectedSeq: number | undefined): AppendResult[] => {
    const at = { ...head(roomId) };
    const batch = new Map<string, RoomEvent[]>();
    // The head each new command must find: `expectedSeq`, then moved on by the batch's own appends.
    let expected = expectedSeq;
    return items.map((item) => {
      const result = appendOne(roomId, item.events, item.commandId, at, batch, expected);
      const last = result.events.at(-1);
      if (!result.duplicate && last) {
        Object.assign(at, { seq: last.seq, hash: last.hash });
        if (expected !== undefined) expected = last.seq;
      }
      return result;
    });
  });

  /** Runs the transaction; the caches (heads, command ids) learn of it only once it has committed. */
  function appendItems(roomId: string, items: readonly BatchItem[], expectedSeq?: number): AppendResult[] {
    try {
      const results = appendTx(roomId, items, expectedSeq);
      learn(roomId, items, results);
      return results;
    } catch (error) {
      forget(roomId);
      throw error;
    }
  }

  function importRoom(roomId: string, events: RoomEvent[], importedAt: number, salt: ChainSalt | null): void {
    try {
      importTx(roomId, events, importedAt, salt);
    } finally {
      forget(roomId);
    }
  }

  /** The caches learn of a commit only once it is done (here or in the writer thread). */
  function learn(roomId: string, items: readonly BatchItem[], results: readonly AppendResult[]): void {
    results.forEach((result, i) => {
      const last = result.events.at(-1);
      if (result.duplicate || !last) return;
      heads.set(roomId, { seq: last.seq, hash: last.hash });
      const commandId = items[i]!.commandId;
      if (commandId) commandsOf(roomId).set(commandId, { first_seq: result.events[0]!.seq, last_seq: last.seq });
      // A room's first events may have created its salt elsewhere: read it again when next asked.
      if (salts.get(roomId) === null) salts.delete(roomId);
    });
  }

  function forget(roomId?: string): void {
    if (roomId === undefined) {
      heads.clear();
      commandIndex.clear();
      salts.clear();
      return;
    }
    heads.delete(roomId);
    commandIndex.delete(roomId);
    salts.delete(roomId);
  }

  return { appendItems, importRoom, learn, forget, findCommand, selectRange, selectAfter, selectRooms, selectImported, head, saltOf };
}

/** The synchronous write path, for the writer thread: one transaction per call (a savepoint inside its own). */
export function sqliteEventWriter(db: Database.Database) {
  const log = sqliteLog(db);
  return { appendBatch: log.appendItems, importRoom: log.importRoom, reset: () => log.forget() };
}

/**
 * The event log on SQLite. Each append is one transaction, committed with `synchronous=FULL` by the writer thread,
 * so it is on disk when `append` resolves; this connection reads, and its caches follow the writer's answers.
 */
export function sqliteEventStore(db: Database.Database, writer: EventWriter): EventStore {
  const log = sqliteLog(db);
  writer.onReset(() => log.forget());

  async function appendItems(roomId: string, items: readonly BatchItem[], expectedSeq?: number): Promise<AppendResult[]> {
    try {
      const results = await writer.appendBatch(roomId, items, expectedSeq);
      log.learn(roomId, items, results);
      return results;
    } catch (error) {
      log.forget(roomId);
      throw error;
    }
  }

  return {
    async append(roomId, drafts, commandId, expectedSeq) {
      return (await appendItems(roomId, [{ events: drafts, commandId }], expectedSeq))[0]!;
    },
    async appendBatch(roomId, items, expectedSeq) {
      return items.length === 0 ? [] : appendItems(roomId, items, expectedSeq);
    },
    async commandEvents(roomId, commandId) {
      const seen = log.findCommand.get(roomId, commandId);
      return seen ? log.selectRange.all(roomId, seen.first_seq - 1, seen.last_seq).map(eventFromRow) : null;
    },
    async read(roomId, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER) {
      return log.selectAfter.all(roomId, afterSeq, limit).map(eventFromRow);
    },
    async headSeq(roomId) {
      return log.head(roomId).seq;
    },
    async listRoomIds() {
      return log.selectRooms.all().map((r) => r.room_id);
    },
    async chainSalt(roomId) {
      return log.saltOf(roomId);
    },
    async importRoom(roomId, events, importedAt, salt) {
      try {
        await writer.importRoom(roomId, events, importedAt, salt);
      } finally {
        log.forget(roomId);
      }
    },
    async isImported(roomId) {
      return log.selectImported.get(roomId) !== undefined;
    },
  };
}
