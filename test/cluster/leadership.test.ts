import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { leaderOnly, type Leadership } from '../../server/cluster/leadership.js';
import { PgLeadership } from '../../server/cluster/pg-leadership.js';
import { createLogger } from '../../server/ops/logger.js';
import { RoomRuntime } from '../../server/rooms/room-runtime.js';
import { advisoryClass } from '../../server/store/postgres-locks.js';
import { openPostgresStore, type PostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { draft } from '../store/contract-fixtures.js';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from '../store/pg-env.js';
import { eventually } from './cluster-env.js';

const logger = createLogger('silent');

/** A leadership the test hands over by hand. */
function manualLeadership(initial: boolean): Leadership & { set(leader: boolean): void } {
  let leader = initial;
  const listeners = new Set<(leader: boolean) => void>();
  return {
    isLeader: () => leader,
    onChange: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    stop: async () => undefined,
    set(next) {
      leader = next;
      for (const listener of listeners) listener(next);
    },
  };
}

describe('leaderOnly: automations follow leadership', () => {
  it('attaches on the leader, detaches when it loses, re-attaches on the log as it is when it wins again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orsan-leader-'));
    const store = openSqliteStore(dir);
    try {
      await store.events.append('salle', [draft('room.created')], null);
      const runtime = await RoomRuntime.load('salle', store.events);
      const leadership = manualLeadership(true);
      const seenAtAttach: number[] = [];
      let attached = 0;
      const cleanup = leaderOnly(leadership, (rt) => {
        attached += 1;
        seenAtAttach.push(rt.state.seq);
        return () => (attached -= 1);
      })(runtime);
      expect(attached).toBe(1);

      leadership.set(false);
      expect(attached).toBe(0);
      // Meanwhile the leader elsewhere appended: the new leader must arm its timers on it.
      await store.events.append('salle', [draft('room.announced', { text: 'Point de situation' })], null);
      leadership.set(true);
      await eventually(() => attached === 1, 're-attached');
      expect(seenAtAttach).toEqual([1, 2]);

      // Lost again before the refresh ends: nothing attaches.
      leadership.set(false);
      leadership.set(true);
      leadership.set(false);
      await new Promise((r) => setTimeout(r, 50));
      expect(attached).toBe(0);
      cleanup?.();
      leadership.set(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(attached).toBe(0);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PgLeadership: a session advisory lock per schema', () => {
  let schema: TestSchema;
  let store: PostgresStore;
  beforeAll(async () => {
    schema = await createTestSchema();
    store = await openPostgresStore({ url: schema.url, poolSize: 2 });
  });
  afterAll(async () => {
    await store?.close();
    await schema?.drop();
  });

  const start = async (n: number) => {
    const all = Array.from({ length: n }, () => new PgLeadership(store, logger, { pollMs: 200 }));
    for (const l of all) await l.start();
    return all;
  };

  it('exactly one of three leads; when it stops, another takes over at its next poll', async () => {
    const all = await start(3);
    try {
      await eventually(() => all.filter((l) => l.isLeader()).length === 1, 'one leader');
      const leader = all.find((l) => l.isLeader())!;
      const changes: boolean[] = [];
      leader.onChange((v) => changes.push(v));
      const stoppedAt = Date.now();
      await leader.stop();
      expect(changes).toEqual([false]);
      await eventually(() => all.filter((l) => l !== leader && l.isLeader()).length === 1, 'a new leader', 3000);
      expect(Date.now() - stoppedAt).toBeLessThan(1500);
    } finally {
      for (const l of all) await l.stop();
    }
  });

  it('a leader whose PostgreSQL session is killed steps down, and the other takes over', async () => {
    const all = await start(2);
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      await eventually(() => all.some((l) => l.isLeader()), 'a leader');
      const leader = all.find((l) => l.isLeader())!;
      // The backend holding this schema's leader lock (other test runs hold locks for their own schemas).
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
           AND classid::bigint = $1 AND objid::bigint = (hashtext($2)::bigint + 4294967296) % 4294967296`,
        [advisoryClass.leader, schema.schema],
      );
      expect(rows).toHaveLength(1);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await eventually(() => !leader.isLeader(), 'the old leader stepped down', 3000);
      // Whoever wins the lock next (the old leader may, once reconnected), exactly one leads again.
      await eventually(() => all.filter((l) => l.isLeader()).length === 1, 'a leader again', 3000);
    } finally {
      await admin.end();
      for (const l of all) await l.stop();
    }
  });
});
