import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrsanServer, type OrsanServer } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import type { WallClock } from '../server/access/wall-clock.js';
import { createLogger } from '../server/ops/logger.js';
import { callApi, OPERATOR_TOKEN, type ApiAnswer } from './api.js';

/** The real server running in this process (see `tools/process.ts` for one in a child process). */
export interface TestServer {
  url: string;
  server: OrsanServer;
  dataDir: string;
  /** Calls the REST API; returns status and parsed JSON body. */
  api(method: string, path: string, body?: unknown, token?: string): Promise<ApiAnswer>;
  /** With `captureLogs`: every log line the server wrote (debug and up), parsed. */
  logs: Array<Record<string, unknown> & { level: number; msg?: string }>;
  close(): Promise<void>;
}

/** Starts the real server in this process, on an ephemeral port, with a fresh SQLite store in a temp dir. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string>; clock?: WallClock; captureLogs?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'orsan-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    OPERATOR_TOKEN,
    LOG_LEVEL: 'silent',
    DEMO: 'false',
    ...options.env,
  });
  const logs: TestServer['logs'] = [];
  const logger = options.captureLogs ? createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) }) : undefined;
  const server = await createOrsanServer(config, { ...(options.clock ? { clock: options.clock } : {}), ...(logger ? { logger } : {}) });
  await server.listen();
  const url = server.url();
  return {
    url,
    server,
    dataDir,
    logs,
    api: (method, path, body, token) => callApi(url, method, path, body, token),
    async close() {
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
