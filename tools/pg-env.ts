import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';

/**
 * The PostgreSQL and Redis of this machine (override with TEST_DATABASE_URL / TEST_REDIS_URL).
 * High availability is a feature a region relies on during a crisis: its tests never skip. If a service is
 * unreachable they fail, loudly, with the command that starts it.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestSchema {
  schema: string;
  /** DATABASE_URL pointing at the schema (`?schema=`), as the server reads it. */
  url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** A fresh schema `orsan_test_<random>` so that concurrent test files never see each other's rows. */
export async function createTestSchema(): Promise<TestSchema> {
  const schema = `orsan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
  } catch (error) {
    throw new Error(
      `PostgreSQL injoignable (${TEST_DATABASE_URL}) : ${String(error)}. Ces tests ne sont jamais sautés. ` + 'Démarrer : pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('schema', schema);
  return {
    schema,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Fails unless Redis answers; returns a function that deletes every key of the cluster `namespace`. */
export async function requireRedis(namespace: string): Promise<{ cleanup(): Promise<void> }> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Redis injoignable (${TEST_REDIS_URL}) : ${String(error)}. Ces tests ne sont jamais sautés. ` +
        'Démarrer : redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no',
    );
  }
  return {
    async cleanup() {
      const keys = await redis.keys(`orsan:${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
