import pg from 'pg';
import { postgresAccessStore } from './postgres-access.js';
import { postgresDocStore } from './postgres-docs.js';
import { eventsChannel, postgresEventStore } from './postgres-events.js';
import { assertSchemaName, migrate } from './postgres-schema.js';
import type { Store } from './types.js';

export interface PostgresStoreOptions {
  /**
   * `postgres://user@host:5432/db`, optionally with `?schema=<name>` (default `public`): the instances of one
   * deployment share a schema; several deployments (or test runs) can share a database with one schema each.
   */
  url: string;
  /** Connections in the pool of this instance. */
  poolSize?: number;
  /** Errors of idle pooled connections (the server restarted…); the pool replaces them. */
  onError?: (error: Error) => void;
}

/** The PostgreSQL store, plus what the cluster needs: dedicated sessions (LISTEN, leader lock) in the same schema. */
export interface PostgresStore extends Store {
  kind: 'postgres';
  schema: string;
  /** The NOTIFY channel on which appends are announced (`<roomId> <seq>`). */
  eventsChannel: string;
  /** A new connection outside the pool, for a session-long use (LISTEN, a session advisory lock). The caller ends it. */
  sessionClient(): Promise<pg.Client>;
}

/** Splits `?schema=` off the URL: pg would not understand it; the schema becomes the connection's search_path. */
export function parseDatabaseUrl(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  assertSchemaName(schema);
  return { connectionString: parsed.toString(), schema };
}

/**
 * Opens (and migrates) the shared store of a multi-instance deployment (`STORE=postgres`, `DATABASE_URL`).
 * Same interface and contract as SQLite; the per-room sequence is assigned under a per-room advisory lock.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const { connectionString, schema } = parseDatabaseUrl(options.url);
  const clientConfig: pg.ClientConfig = {
    connectionString,
    options: `-c search_path="${schema}"`,
    keepAlive: true,
    application_name: 'orsan-room',
  };
  const pool = new pg.Pool({ ...clientConfig, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onError?.(error));
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    kind: 'postgres',
    schema,
    eventsChannel: eventsChannel(schema),
    events: postgresEventStore(pool, schema),
    access: postgresAccessStore(pool),
    docs: postgresDocStore(pool),
    async sessionClient() {
      const client = new pg.Client(clientConfig);
      await client.connect();
      return client;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
