import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { WriterOptions } from '../../server/store/sqlite-writer.js';
import { describeStoreContract } from './contract.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// Every place the embedded store can commit in passes the same contract, and so does a writer that moves between
// them after every commit (a commit always "slow" on the event loop, always "settled" in the thread).
const writers: Array<[string, WriterOptions]> = [
  ['SQLite', {}],
  ['SQLite, sur la boucle', { mode: 'inline' }],
  ['SQLite, bascule à chaque commit', { mode: 'auto', slowCommitMs: -1, slowBurst: 1, settleMs: 0 }],
];

for (const [name, options] of writers) {
  describeStoreContract(name, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orsan-store-'));
    dirs.push(dir);
    const store = openSqliteStore(dir, options);
    // The moving writer: its thread started, so that it really moves from the first writes on.
    if (options.settleMs === 0) await store.writer.threadReady();
    return store;
  });
}
