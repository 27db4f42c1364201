import type pg from 'pg';
import { GENESIS_HASH, type RoomEvent } from '../../shared/core/events.js';
import { conflict } from '../../shared/core/errors.js';
import { hashEvent, newChainSalt, type ChainSalt } from './hash-chain.js';
import { chainSaltFromRow, eventFromRow, type ChainSaltRow, type EventRow } from './rows.js';
import { advisoryClass } from './postgres-locks.js';
import { inTransaction } from './postgres-tx.js';
import { StaleHeadError, type AppendResult, type BatchItem, type EventStore, type NewEvent } from './types.js';

const COLUMNS = 'room_id, seq, type, wall_time, exercise_time, actor, visibility, payload, command_id, prev_hash, hash';

/**
 * The NOTIFY channel on which every commit announces `<roomId> <lastSeq>`: other instances refresh that room.
 * One channel per schema, since notifications are database-wide and a database may hold several clusters.
 */
export function eventsChannel(schema: string): string {
  return `orsan_events_${schema}`.slice(0, 63);
}

/**
 * The event log on PostgreSQL, shared by every instance. An append is one transaction holding the room's
 * advisory lock: it reads the head, checks `expectedSeq` (or, with `appendDecided`, lets the caller decide on
 * what it missed), chains and inserts, and announces itself with `pg_notify`, delivered only if it commits. With the default `synchronous_commit = on`, the commit is on disk
 * when `append` resolves. The (room_id, seq) primary key would refuse a duplicate seq even without the lock.
 */
export function postgresEventStore(pool: pg.Pool, schema: string): EventStore {
  const channel = eventsChannel(schema);
  /** Salts never change once committed: each instance caches those it has read (never one it is still inserting). */
  const salts = new Map<string, ChainSalt>();

  async function storedSalt(db: pg.Pool | pg.PoolClient, roomId: string): Promise<ChainSalt | null> {
    const cached = salts.get(roomId);
    if (cached) return cached;
    const { rows } = await db.query<ChainSaltRow>('SELECT secret, from_seq FROM chain_salts WHERE room_id = $1', [roomId]);
    const salt = rows[0] ? chainSaltFromRow(rows[0]) : null;
    if (salt) salts.set(roomId, salt);
    return salt;
  }

  async function insertSalt(client: pg.PoolClient, roomId: string, salt: ChainSalt): Promise<void> {
    await client.query('INSERT INTO chain_salts (room_id, secret, from_seq) VALUES ($1, $2, $3)', [roomId, salt.secret, salt.fromSeq]);
  }

  /** Under the room's lock: its salt, created in this transaction if it has none (its next event is `nextSeq`). */
  async function saltFor(client: pg.PoolClient, roomId: string, nextSeq: number): Promise<ChainSalt> {
    const existing = await storedSalt(client, roomId);
    if (existing) return existing;
    const created = newChainSalt(nextSeq);
    await insertSalt(client, roomId, created);
    return created;
  }

  async function range(db: pg.Pool | pg.PoolClient, roomId: string, afterSeq: number, upToSeq: number): Promise<RoomEvent[]> {
    const { rows } = await db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE room_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq`, [roomId, afterSeq, upToSeq]);
    return rows.map(eventFromRow);
  }

  async function findCommand(db: pg.Pool | pg.PoolClient, roomId: string, commandId: string): Promise<RoomEvent[] | null> {
    const { rows } = await db.query<{ first_seq: string; last_seq: string }>('SELECT first_seq, last_seq FROM commands WHERE room_id = $1 AND command_id = $2', [roomId, commandId]);
    const seen = rows[0];
    return seen ? range(db, roomId, Number(seen.first_seq) - 1, Number(seen.last_seq)) : null;
  }

  /** `INSERT INTO events … VALUES …` for `events`, its parameters numbered from `$${from + 1}`. */
  function eventsInsert(events: readonly RoomEvent[], from = 0): { sql: string; values: unknown[] } {
    const values: unknown[] = [];
    const tuples = events.map((e) => {
      const row = [e.roomId, e.seq, e.type, e.wallTime, e.exerciseTime, JSON.stringify(e.actor), JSON.stringify(e.visibility), JSON.stringify(e.payload), e.commandId, e.prevHash, e.hash];
      const first = from + values.length;
      values.push(...row);
      return `(${row.map((_, i) => `$${first + i + 1}`).join(', ')})`;
    });
    return { sql: `INSERT INTO events (${COLUMNS}) VALUES ${tuples.join(', ')}`, values };
  }

  async function insertEvents(client: pg.PoolClient, events: RoomEvent[]): Promise<void> {
    const { sql, values } = eventsInsert(events);
    await client.query(sql, values);
  }

  async function importLocked(client: pg.PoolClient, roomId: string, events: RoomEvent[], importedAt: number, salt: ChainSalt | null): Promise<void> {
    const head = await lockedHead(client, roomId);
    if (head.seq > 0) throw conflict(`La salle « ${roomId} » existe déjà sur cette instance.`);
    // In slices: one INSERT has at most 65535 parameters (11 per event).
    for (let i = 0; i < events.length; i += 1000) await insertEvents(client, events.slice(i, i + 1000));
    if (salt) await insertSalt(client, roomId, salt);
    await client.query('INSERT INTO imported_rooms (room_id, imported_at) VALUES ($1, $2)', [roomId, importedAt]);
    const last = events.at(-1);
    if (last) await client.query('SELECT pg_notify($1, $2)', [channel, `${roomId} ${last.seq}`]);
  }

  /** Under the room's lock: the head (seq, hash) the next event chains on. */
  async function lockedHead(client: pg.PoolClient, roomId: string): Promise<{ seq: number; hash: string }> {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [advisoryClass.room, roomId]);
    const head = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM events WHERE room_id = $1 ORDER BY seq DESC LIMIT 1', [roomId]);
    return head.rows[0] ? { seq: Number(head.rows[0].seq), hash: head.rows[0].hash } : { seq: 0, hash: GENESIS_HASH };
  }

  /** Chains `drafts` after `head` (no I/O but the salt, created in this transaction if the room has none). */
  async function chain(client: pg.PoolClient, roomId: string, head: { seq: number; hash: string }, drafts: NewEvent[], commandId: string | null): Promise<RoomEvent[]> {
    if (drafts.length === 0) return [];
    let { seq, hash: prevHash } = head;
    const salt = await saltFor(client, roomId, seq + 1);
    const events: RoomEvent[] = [];
    for (const draft of drafts) {
      seq += 1;
      const unhashed = { roomId, seq, ...draft, commandId, prevHash };
      const event: RoomEvent = { ...unhashed, hash: hashEvent(unhashed, salt) };
      events.push(event);
      prevHash = event.hash;
    }
    return events;
  }

  /**
   * Inserts chained commands (events, then their command ids) and announces the new head once: a batch costs a few
   * statements, not a few per command. The caller holds the room's lock.
   */
  async function write(client: pg.PoolClient, roomId: string, commands: readonly { events: RoomEvent[]; commandId: string | null }[]): Promise<void> {
    const events = commands.flatMap((c) => c.events);
    if (events.length === 0) return;
    // One INSERT has at most 65,535 parameters (11 per event): slices of 1,000 events. The last slice, the command ids
    // (4 parameters each, at most 256 per batch) and the NOTIFY (delivered only if the transaction commits) go in one
    // statement: a batch of up to 1,000 events costs one round trip.
    const last = events.length - ((events.length - 1) % 1000) - 1;
    for (let i = 0; i < last; i += 1000) await insertEvents(client, events.slice(i, i + 1000));
    const inserted = eventsInsert(events.slice(last));
    const values = [...inserted.values];
    const parts = [`e AS (${inserted.sql})`];
    const ids = commands.filter((c) => c.commandId !== null && c.events.length > 0);
    if (ids.length > 0) {
      const tuples = ids.map((c) => {
        values.push(roomId, c.commandId, c.events[0]!.seq, c.events.at(-1)!.seq);
        const n = values.length;
        return `($${n - 3}, $${n - 2}, $${n - 1}::bigint, $${n}::bigint)`;
      });
      parts.push(`c AS (INSERT INTO commands (room_id, command_id, first_seq, last_seq) VALUES ${tuples.join(', ')})`);
    }
    values.push(channel, `${roomId} ${events.at(-1)!.seq}`);
    await client.query(`WITH ${parts.join(', ')} SELECT pg_notify($${values.length - 1}, $${values.length})`, values);
  }

  /** Chains, inserts and announces one command's `drafts` after `head`; the caller holds the room's lock. */
  async function commit(client: pg.PoolClient, roomId: string, head: { seq: number; hash: string }, drafts: NewEvent[], commandId: string | null): Promise<RoomEvent[]> {
    const events = await chain(client, roomId, head, drafts, commandId);
    await write(client, roomId, [{ events, commandId }]);
    return events;
  }

  async function appendInTx(client: pg.PoolClient, roomId: string, drafts: NewEvent[], commandId: string | null, expectedSeq: number | undefined): Promise<AppendResult> {
    const head = await lockedHead(client, roomId);
    if (commandId) {
      const seen = await findCommand(client, roomId, commandId);
      if (seen) return { events: seen, duplicate: true };
    }
    if (expectedSeq !== undefined && expectedSeq !== head.seq) throw new StaleHeadError(roomId, expectedSeq, head.seq);
    return { events: await commit(client, roomId, head, drafts, commandId), duplicate: false };
  }

  /** Group commit: the items in order under one lock and one transaction (one commit, one fsync). */
  async function batchInTx(client: pg.PoolClient, roomId: string, items: readonly BatchItem[], expectedSeq: number | undefined): Promise<AppendResult[]> {
    let head = await lockedHead(client, roomId);
    let checked = expectedSeq === undefined;
    const results: AppendResult[] = [];
    for (const item of items) {
      // Also finds a command stored earlier in this batch: the transaction sees its own rows.
      const seen = item.commandId ? await findCommand(client, roomId, item.commandId) : null;
      if (seen) {
        results.push({ events: seen, duplicate: true });
        continue;
      }
      // A duplicate is answered whatever the head: only the batch's first new command is checked against it.
      if (!checked && expectedSeq !== head.seq) throw new StaleHeadError(roomId, expectedSeq!, head.seq);
      checked = true;
      const events = await commit(client, roomId, head, item.events, item.commandId);
      const last = events.at(-1);
      if (last) head = { seq: last.seq, hash: last.hash };
      results.push({ events, duplicate: false });
    }
    return results;
  }

  /** Commands already stored among `commandIds`, by index (one query for the whole batch). */
  async function storedCommands(client: pg.PoolClient, roomId: string, commandIds: readonly (string | null)[]): Promise<Map<number, RoomEvent[]>> {
    const ids = commandIds.filter((id): id is string => id !== null);
    const stored = new Map<number, RoomEvent[]>();
    if (ids.length === 0) return stored;
    const { rows } = await client.query<{ command_id: string; first_seq: string; last_seq: string }>(
      'SELECT command_id, first_seq, last_seq FROM commands WHERE room_id = $1 AND command_id = ANY($2)',
      [roomId, ids],
    );
    for (const row of rows) {
      const events = await range(client, roomId, Number(row.first_seq) - 1, Number(row.last_seq));
      commandIds.forEach((id, index) => {
        if (id === row.command_id) stored.set(index, events);
      });
    }
    return stored;
  }

  async function decideInTx(
    client: pg.PoolClient,
    roomId: string,
    afterSeq: number,
    commandIds: readonly (string | null)[],
    decide: (missed: RoomEvent[], stored: ReadonlyMap<number, RoomEvent[]>) => NewEvent[][],
  ): Promise<{ results: AppendResult[]; missed: RoomEvent[] }> {
    let head = await lockedHead(client, roomId);
    const stored = await storedCommands(client, roomId, commandIds);
    const missed = head.seq > afterSeq ? await range(client, roomId, afterSeq, head.seq) : [];
    const decided = decide(missed, stored);
    const results: AppendResult[] = [];
    // Chained in memory, then written at once; a command id twice in the batch is stored once.
    const fresh = new Map<string, RoomEvent[]>();
    for (const [index, commandId] of commandIds.entries()) {
      const seen = stored.get(index) ?? (commandId !== null ? fresh.get(commandId) : undefined);
      if (seen) {
        results.push({ events: seen, duplicate: true });
        continue;
      }
      const events = await chain(client, roomId, head, decided[index] ?? [], commandId);
      const last = events.at(-1);
      if (last) head = { seq: last.seq, hash: last.hash };
      if (commandId !== null && last) fresh.set(commandId, events);
      results.push({ events, duplicate: false });
    }
    await write(
      client,
      roomId,
      results.filter((r) => !r.duplicate).map((r) => ({ events: r.events, commandId: r.events[0]?.commandId ?? null })),
    );
    return { results, missed };
  }

  return {
    append(roomId, drafts, commandId, expectedSeq) {
      return inTransaction(pool, (client) => appendInTx(client, roomId, drafts, commandId, expectedSeq));
    },
    async appendBatch(roomId, items, expectedSeq) {
      return items.length === 0 ? [] : inTransaction(pool, (client) => batchInTx(client, roomId, items, expectedSeq));
    },
    appendDecided(roomId, afterSeq, commandIds, decide) {
      return inTransaction(pool, (client) => decideInTx(client, roomId, afterSeq, commandIds, decide));
    },
    commandEvents(roomId, commandId) {
      return findCommand(pool, roomId, commandId);
    },
    async read(roomId, afterSeq = 0, limit) {
      const { rows } = await pool.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE room_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [roomId, afterSeq, limit ?? null]);
      return rows.map(eventFromRow);
    },
    async headSeq(roomId) {
      const { rows } = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM events WHERE room_id = $1', [roomId]);
      return Number(rows[0]?.seq ?? 0);
    },
    async listRoomIds() {
      const { rows } = await pool.query<{ room_id: string }>('SELECT room_id FROM events WHERE seq = 1 ORDER BY wall_time, room_id');
      return rows.map((r) => r.room_id);
    },
    chainSalt(roomId) {
      return storedSalt(pool, roomId);
    },
    importRoom(roomId, events, importedAt, salt) {
      // Stored as archived (seq, times, hashes), under `roomId` as SQLite does.
      const stamped = events.map((e) => ({ ...e, roomId }));
      return inTransaction(pool, (client) => importLocked(client, roomId, stamped, importedAt, salt));
    },
    async isImported(roomId) {
      const { rowCount } = await pool.query('SELECT 1 FROM imported_rooms WHERE room_id = $1', [roomId]);
      return (rowCount ?? 0) > 0;
    },
  };
}
