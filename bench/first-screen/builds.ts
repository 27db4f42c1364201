import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from '../../tools/process.js';

/** The old single-bundle client (issue 12's baseline): every feature in one entry script. */
export const oldClientCommit = 'a3f1bb6';

/** The room page's preload as shipped by issue 12: every tab's code fetched as the page mounts. */
export const preloadAtMount = '  useEffect(() => preloadAll([...roomSections.map((s) => s.Component), ...roomSummaries]), []);';
/** The variant: the same preload, started once the room has rendered (the welcome gave `room.me`). */
export const preloadAfterFirstRender = '  useEffect(() => void (room.me && preloadAll([...roomSections.map((s) => s.Component), ...roomSummaries])), [room.me]);';

export type ClientName = 'single-bundle' | 'preload-at-mount' | 'preload-after-first-render';

/** One JavaScript file of a build, raw and gzip-compressed at zlib's default level (what `compression` sends). */
export interface BuiltChunk {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface ClientBuild {
  name: ClientName;
  /** Where its sources came from (a commit, or the working tree with the room page's preload line set). */
  source: string;
  /** The folder to serve (`CLIENT_DIR`). */
  dir: string;
  /** JavaScript files, largest first. */
  chunks: BuiltChunk[];
  buildMs: number;
}

/** What a client build needs from the repository (no server code: the client imports only client/ and shared/). */
const buildInputs = ['client', 'shared', 'vite.config.ts', 'tsconfig.json', 'package.json'];

function viteBuild(sourceDir: string, outDir: string): number {
  const started = performance.now();
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: sourceDir, stdio: 'inherit', timeout: 300_000 });
  return Math.round(performance.now() - started);
}

function jsChunks(dir: string): BuiltChunk[] {
  const assets = join(dir, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const body = readFileSync(join(assets, file));
      return { file, bytes: statSync(join(assets, file)).size, gzipBytes: gzipSync(body).length };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

/** A source tree under `root/src` with the repository's node_modules linked in, ready for `vite build`. */
function sourceTree(root: string): string {
  const src = join(root, 'src');
  mkdirSync(src);
  symlinkSync(join(repoRoot, 'node_modules'), join(src, 'node_modules'));
  return src;
}

/**
 * Builds the three clients compared by the first-screen suite into one temporary folder: the old single bundle
 * (`git archive` of a3f1bb6), and the working tree's client twice, once with the room page's preload at mount and
 * once after the first render (whichever the working tree has, the other is obtained by replacing that one line).
 * Nothing is written to the repository's `dist/`.
 */
export function buildClients(): { root: string; builds: ClientBuild[] } {
  const root = mkdtempSync(join(tmpdir(), 'orsan-bench-first-screen-'));
  const builds: ClientBuild[] = [];
  try {
    const oldDir = join(root, 'single-bundle');
    mkdirSync(oldDir);
    const oldSrc = sourceTree(oldDir);
    const archive = execFileSync('git', ['-C', repoRoot, 'archive', oldClientCommit, ...buildInputs], { maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', oldSrc], { input: archive });
    const oldOut = join(oldDir, 'out');
    builds.push({ name: 'single-bundle', source: `git archive ${oldClientCommit}`, dir: oldOut, buildMs: viteBuild(oldSrc, oldOut), chunks: [] });

    const roomPage = readFileSync(join(repoRoot, 'client', 'room', 'RoomPage.tsx'), 'utf8');
    const has = (line: string) => roomPage.split('\n').includes(line);
    if (!has(preloadAtMount) && !has(preloadAfterFirstRender)) throw new Error('client/room/RoomPage.tsx: neither preload line found; update bench/first-screen/builds.ts');
    for (const [name, line] of [
      ['preload-at-mount', preloadAtMount],
      ['preload-after-first-render', preloadAfterFirstRender],
    ] as const) {
      const dir = join(root, name);
      mkdirSync(dir);
      const src = sourceTree(dir);
      for (const input of buildInputs) cpSync(join(repoRoot, input), join(src, input), { recursive: true });
      const other = line === preloadAtMount ? preloadAfterFirstRender : preloadAtMount;
      const patched = roomPage
        .split('\n')
        .map((l) => (l === other ? line : l))
        .join('\n');
      writeFileSync(join(src, 'client', 'room', 'RoomPage.tsx'), patched);
      const out = join(dir, 'out');
      const source = `working tree${has(line) ? '' : ' with RoomPage.tsx’s preload line replaced'}: ${line.trim()}`;
      builds.push({ name, source, dir: out, buildMs: viteBuild(src, out), chunks: [] });
    }
    for (const build of builds) build.chunks = jsChunks(build.dir);
    return { root, builds };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}
