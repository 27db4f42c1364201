import { afterAll, beforeAll } from 'vitest';
import type { WallClock } from '../../server/access/wall-clock.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
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

/** Two instances of one cluster and a room created through the first. */
export interface TwoInstances {
  cluster: ClusterEnv;
  a: TestServer;
  b: TestServer;
  room: TestRoom;
}

/**
 * The cluster files' shared fixture: a cluster environment, two instances on it (sharing `clock` when given,
 * keeping their log lines with `captureLogs`) and one room, started before the file's tests; after them the
 * `clients` are closed, then the instances, then the environment is dropped. `use` receives the instances for the tests' own variables.
 */
export function twoInstancesWithRoom(use: (fixture: TwoInstances) => void, options: { clock?: WallClock; clients?: readonly TestClient[]; captureLogs?: boolean } = {}): void {
  let env: ClusterEnv | undefined;
  let fixture: TwoInstances | undefined;
  beforeAll(async () => {
    const cluster = (env = await createClusterEnv());
    const start = () => startServer({ env: cluster.env, ...(options.clock ? { clock: options.clock } : {}), ...(options.captureLogs ? { captureLogs: true } : {}) });
    const a = await start();
    const b = await start();
    fixture = { cluster, a, b, room: await createRoom(a.url, { title: 'Salle répartie' }) };
    use(fixture);
  });
  afterAll(async () => {
    for (const c of options.clients ?? []) c.close();
    await fixture?.a.close();
    await fixture?.b.close();
    await env?.cleanup();
  });
}

/** Connects a client to one instance and keeps it in `clients`, which the fixture closes after the tests. */
export function trackedJoin(clients: TestClient[]): (server: TestServer, token: string) => Promise<TestClient> {
  return async (server, token) => {
    const client = await connect(server.url, token);
    clients.push(client);
    return client;
  };
}
