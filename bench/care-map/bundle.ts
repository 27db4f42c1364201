import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../tools/process.js';

/** Newest modification time of any file under `dir` (ms). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The client bundle to measure: `dist/client` when it is newer than every source of `client/` and `shared/`,
 * otherwise a fresh `vite build` into a temporary folder (the shared `dist/` is left to its owners).
 * Returns the folder to serve (`CLIENT_DIR`) and how it was obtained.
 */
export function clientBundle(): { dir: string; origin: 'dist/client' | 'fresh build'; temporary: boolean } {
  const dist = join(repoRoot, 'dist', 'client');
  const index = join(dist, 'index.html');
  const sources = Math.max(newestMtime(join(repoRoot, 'client')), newestMtime(join(repoRoot, 'shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return { dir: dist, origin: 'dist/client', temporary: false };
  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-client-'));
  console.log('  dist/client absent ou plus ancien que les sources : vite build dans un dossier temporaire…');
  execFileSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit', timeout: 300_000 });
  return { dir, origin: 'fresh build', temporary: true };
}
