import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPERATOR_TOKEN } from './api.js';

/** The repository root: child processes run from there so that `tsx` and relative paths resolve. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export interface SpawnOptions {
  /** Extra environment variables, on top of this process's environment. */
  env?: Record<string, string>;
  /** Pins the process to one CPU (`taskset -c <cpu>`), as the benchmarks do. */
  cpu?: number;
  /** Raises the open-files limit to the hard limit before starting (many sockets). */
  raiseFileLimit?: boolean;
  /** How long to wait for `readyPattern` before giving up (ms). */
  readyTimeoutMs?: number;
}

/** A child Node process running a TypeScript entry point through tsx. */
export interface NodeProcess {
  child: ChildProcess;
  pid: number;
  /** Everything printed so far on stdout and stderr (for failure messages). */
  output(): string;
  /** Resolves once the process has exited (immediately if it already has). */
  exited(): Promise<void>;
}

/**
 * Spawns `node --import tsx <script>` from the repository root and resolves with the first match of
 * `readyPattern` on stdout (e.g. the line announcing the URL). Rejects with the output if the process
 * exits or stays silent first. With `cpu` or `raiseFileLimit`, a shell sets them up then `exec`s node,
 * so `pid` is node's own pid (what /proc and `kill -9` need).
 */
export async function spawnNodeScript(script: string, readyPattern: RegExp, options: SpawnOptions = {}): Promise<{ proc: NodeProcess; match: RegExpMatchArray }> {
  const nodeArgs = ['--import', 'tsx', script];
  const setup = [options.raiseFileLimit ? 'ulimit -n "$(ulimit -Hn)";' : '', options.cpu !== undefined ? `exec taskset -c ${options.cpu} "$@"` : 'exec "$@"'].join(' ');
  const child = spawn('sh', ['-c', setup, 'sh', process.execPath, ...nodeArgs], {
    cwd: repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: NodeProcess = {
    child,
    pid: child.pid ?? -1,
    output: () => output,
    exited: () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : exit),
  };
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => fail('did not become ready'), options.readyTimeoutMs ?? 20_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${script} ${why}:\n${output}`));
    };
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(readyPattern);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => fail(`exited (${code ?? signal})`));
  });
  return { proc, match };
}

/** The real server (`server/main.ts`) in a child process, on a data directory that outlives it. */
export interface ServerProcess {
  /** Base URL, e.g. `http://127.0.0.1:41234`; changes on restart (a new ephemeral port). */
  url: string;
  dataDir: string;
  pid: number;
  operatorToken: string;
  output(): string;
  /** `kill -9`: no shutdown hook runs, like a power cut or an OOM kill. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** Starts a new process on the same DATA_DIR (after `kill9` or `stop`); `url` and `pid` are updated. */
  restart(): Promise<void>;
  /** SIGTERM (graceful shutdown), then removes the data directory unless it was given. */
  stop(): Promise<void>;
}

const readyLine = /ORSAN Room en service : (http:\/\/\S+)/;

/**
 * Starts `server/main.ts` as a child process with `PORT=0` in `dataDir` (a new temp dir by default)
 * and the test operator token. Use it where the test needs a real process: crashes, restarts, load.
 *
 * @example
 * const srv = await startServerProcess();
 * // … send commands to srv.url …
 * await srv.kill9();
 * await srv.restart();
 */
export async function startServerProcess(options: SpawnOptions & { dataDir?: string } = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'orsan-proc-'));
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    OPERATOR_TOKEN,
    DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  let current: NodeProcess | null = null;

  const handle: ServerProcess = {
    url: '',
    dataDir,
    pid: -1,
    operatorToken: env.OPERATOR_TOKEN,
    output: () => current?.output() ?? '',
    async kill9() {
      if (!current) return;
      current.child.kill('SIGKILL');
      await current.exited();
      current = null;
    },
    async restart() {
      if (current) throw new Error('the server process is still running: kill9() or stop() it first');
      await launch();
    },
    async stop() {
      if (current) {
        current.child.kill('SIGTERM');
        await current.exited();
        current = null;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };

  async function launch(): Promise<void> {
    const { proc, match } = await spawnNodeScript('server/main.ts', readyLine, { ...options, env });
    current = proc;
    // With PORT=0 main prints `http://localhost:<port>`; HOST is 127.0.0.1, and localhost may resolve to ::1 first.
    handle.url = match[1]!.replace('//localhost:', '//127.0.0.1:');
    handle.pid = proc.pid;
  }

  await launch();
  return handle;
}
