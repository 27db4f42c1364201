import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openPostgresStore, parseDatabaseUrl } from '../../server/store/postgres.js';
import { schemaVersion } from '../../server/store/postgres-schema.js';
import type { Store } from '../../server/store/types.js';
import { describeStoreContract } from './contract.js';
import { createTestSchema, TEST_DATABASE_URL, type TestSchema } from './pg-env.js';

let schema: TestSchema;
// Fails (never skips) when PostgreSQL is unreachable: see pg-env.ts.
beforeAll(async () => {
  schema = await createTestSchema();
});
afterAll(async () => {
  await schema?.drop();
});

const open = (): Promise<Store> => openPostgresStore({ url: schema.url, poolSize: 4 });

describeStoreContract('PostgreSQL', open, { openPair: async () => [await open(), await open()] });

describe('PostgreSQL store specifics', () => {
  it('reads the schema from DATABASE_URL and refuses a name it could not quote safely', () => {
    expect(parseDatabaseUrl('postgres://u@h:5432/db?schema=orsan_prod&sslmode=disable')).toEqual({
      connectionString: 'postgres://u@h:5432/db?sslmode=disable',
      schema: 'orsan_prod',
    });
    expect(parseDatabaseUrl('postgres://u@h/db').schema).toBe('public');
    expect(() => parseDatabaseUrl('postgres://u@h/db?schema=x";drop')).toThrow(/Schéma PostgreSQL invalide/);
  });

  it('migrates a new schema once, even when two instances start together', async () => {
    const fresh = await createTestSchema();
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore({ url: fresh.url, poolSize: 1 })));
      for (const store of stores) await store.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(`SELECT version FROM "${fresh.schema}".orsan_migrations ORDER BY version`);
      await client.end();
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: schemaVersion }, (_, i) => i + 1));
    } finally {
      await fresh.drop();
    }
  });

  it('announces each commit on the schema’s channel, after it is visible to readers', async () => {
    const store = await openPostgresStore({ url: schema.url, poolSize: 2 });
    const listener = await store.sessionClient();
    try {
      await listener.query(`LISTEN "${store.eventsChannel}"`);
      const heard = new Promise<string>((resolve) => listener.once('notification', (n) => resolve(n.payload ?? '')));
      await store.events.append('annonce', [{ type: 'x', wallTime: 1, exerciseTime: 0, actor: { kind: 'system', name: 's' }, visibility: 'all', payload: {} }], null);
      expect(await heard).toBe('annonce 1');
      expect(await store.events.headSeq('annonce')).toBe(1);
    } finally {
      await listener.end();
      await store.close();
    }
  });
});
