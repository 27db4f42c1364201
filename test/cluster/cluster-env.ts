import { createTestSchema, requireRedis, TEST_REDIS_URL, type TestSchema } from '../store/pg-env.js';

/** One cluster's shared services for a test file: its own PostgreSQL schema and Redis namespace. */
export interface ClusterEnv {
  schema: TestSchema;
  /** The environment every instance of the cluster starts with. */
  env: Record<string, string>;
  /** Drops the schema and the Redis keys (after the instances are closed). */
  cleanup(): Promise<void>;
}

/** Fails loudly (never skips) if PostgreSQL or Redis is unreachable. */
export async function createClusterEnv(): Promise<ClusterEnv> {
  const schema = await createTestSchema();
  try {
    const redis = await requireRedis(schema.schema);
    return {
      schema,
      env: { STORE: 'postgres', DATABASE_URL: schema.url, REDIS_URL: TEST_REDIS_URL },
      async cleanup() {
        await redis.cleanup();
        await schema.drop();
      },
    };
  } catch (error) {
    await schema.drop();
    throw error;
  }
}

/** Polls `check` until it returns true (cluster state converges through PostgreSQL and Redis, asynchronously). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
