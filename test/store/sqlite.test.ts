import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { describeStoreContract } from './contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orsan-store-'));
  dirs.push(dir);
  return openSqliteStore(dir);
});
