import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../ops/logger.js';
import { openPostgresStore } from '../store/postgres.js';
import { openSqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/types.js';

/** The store the configuration asks for: SQLite in DATA_DIR (default) or PostgreSQL at DATABASE_URL (`STORE=postgres`). */
export async function openConfiguredStore(config: Config, logger: Logger): Promise<Store> {
  if (config.STORE !== 'postgres')
    return openSqliteStore(resolve(config.DATA_DIR), {
      mode: config.SQLITE_WRITER,
      onMove: (place) => logger.info({ place }, place === 'thread' ? 'slow SQLite commits: writes moved to the writer thread' : 'fast SQLite commits again: writes back on the event loop'),
    });
  if (!config.DATABASE_URL) throw new Error('Configuration invalide : STORE=postgres demande DATABASE_URL');
  return openPostgresStore({
    url: config.DATABASE_URL,
    onError: (error) => logger.warn({ err: error }, 'idle PostgreSQL connection lost'),
  });
}
