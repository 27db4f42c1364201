/** The real server (or any entry point) in a child process, shared with the benchmarks: it lives in `tools/`. */
export { repoRoot, spawnNodeScript, startServerProcess, type NodeProcess, type ServerProcess, type SpawnOptions } from '../../tools/process.js';
