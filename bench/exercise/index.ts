import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnNodeScript, startServerProcess, type NodeProcess } from '../../tools/process.js';
import { OPERATOR_TOKEN } from '../../tools/api.js';
import { stopProcess, waitForOutput } from '../lib/child.js';
import { describeMachine } from '../lib/machine.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import type { InjectionConfig, InjectionResult } from './injection-client.js';
import { benchScenarioId, writeBenchScenario } from './scenario.js';

/** Issue 3: at ×1 with 500 players connected, a stimulus reaches them within 50 ms of its due time (p99). */
export const targets = { errorP99Ms: 50 } as const;

const clients = Number(process.env.BENCH_EXERCISE_CLIENTS ?? 500);
const stimuli = Number(process.env.BENCH_EXERCISE_STIMULI ?? 42);
const warmupStimuli = 2;

interface InjectionRun extends InjectionResult {
  target: 'orsan' | 'bare';
  serverCpuPercent: number;
  serverRssMiB: number;
  machine: ReturnType<typeof contention>;
}

async function measure(target: 'orsan' | 'bare', scenarioDir: string, scenarioFile: string, lastDueMs: number): Promise<InjectionRun> {
  const server =
    target === 'orsan'
      ? await startServerProcess({ cpu: serverCpu, raiseFileLimit: true, env: { SCENARIOS_DIR: scenarioDir } })
      : await (async () => {
          const { proc, match } = await spawnNodeScript('bench/exercise/bare-scheduler.ts', /en service : (http:\/\/\S+)/, {
            cpu: serverCpu,
            raiseFileLimit: true,
            env: { BENCH_SCENARIO: scenarioFile },
          });
          return { url: match[1]!, pid: proc.pid, stop: () => stopProcess(proc) };
        })();
  let load: NodeProcess | undefined;
  try {
    const config: InjectionConfig = {
      target,
      url: server.url,
      operatorToken: OPERATOR_TOKEN,
      scenarioId: benchScenarioId,
      clients,
      sessions: Math.min(clients, 50),
      stimuli,
      warmupStimuli,
      lastDueMs,
      maxHandshakesInFlight: 50,
    };
    load = (await spawnNodeScript('bench/exercise/injection-client.ts', /RECORD_START/, { cpu: loadCpu, raiseFileLimit: true, readyTimeoutMs: 120_000, env: { BENCH_LOAD: JSON.stringify(config) } }))
      .proc;
    const cpu = cpuWindow(server.pid);
    await waitForOutput(load, /RECORD_END/, lastDueMs + 30_000);
    const serverCpuPercent = cpu.stop();
    const serverRssMiB = memoryMiB(server.pid).rss;
    const result = JSON.parse((await waitForOutput(load, /RESULT (.*)/, 20_000))[1]!) as InjectionResult;
    return { target, ...result, serverCpuPercent, serverRssMiB, machine: contention() };
  } finally {
    if (load) await stopProcess(load);
    await server.stop();
  }
}

const line = (r: InjectionRun) =>
  `  ${r.target.padEnd(6)} erreur p50 ${r.errorMs.p50} p95 ${r.errorMs.p95} p99 ${r.errorMs.p99} max ${r.errorMs.max} ms  (serveur p99 ${r.serverPartMs.p99}, diffusion p99 ${r.deliveryMs.p99})  reçus ${r.received}/${r.expected}  CPU serveur ${r.serverCpuPercent} %  client ${r.clientCpuPercent} %  RSS ${r.serverRssMiB} Mio`;

/** The exercise suite: one bare run then one ORSAN run (~2 min each at ×1). */
export async function runExerciseBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-scenarios-'));
  try {
    const { file, dueOffsetsMs } = writeBenchScenario(dir, stimuli);
    const lastDueMs = dueOffsetsMs.at(-1)!;
    console.log(`Ponctualité des injections : ${stimuli} stimuli (${warmupStimuli} d’échauffement) sur ${Math.round(lastDueMs / 1000)} s à ×1, ${clients} joueurs ARS…`);
    const runs: InjectionRun[] = [];
    for (const target of ['bare', 'orsan'] as const) {
      runs.push(await measure(target, dir, file, lastDueMs));
      console.log(line(runs.at(-1)!));
    }
    const [bare, orsan] = runs as [InjectionRun, InjectionRun];
    const ratio = Math.round((orsan.errorMs.p99 / bare.errorMs.p99) * 100) / 100;
    const complete = runs.every((r) => r.received === r.expected && r.warmupReceived === r.warmupExpected && r.duplicates === 0);
    const results = {
      suite: 'exercise',
      startedAt,
      command: 'npm run bench -- exercise',
      machine: describeMachine(),
      machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
      method: {
        pinning: `server on CPU ${serverCpu}, load process (director + every receiver) on CPU ${loadCpu}`,
        transport: 'websocket',
        scenario: `${stimuli} stimuli to the ARS cell, 2 s / 3 s apart (offsets ${dueOffsetsMs[0]}…${lastDueMs} ms), clock at ×1; the first ${warmupStimuli} are a warm-up`,
        receivers: `${clients} sockets of ${Math.min(clients, 50)} ARS player sessions (ORSAN); one room (bare)`,
        error: 'receipt wall time − (clock.anchorWall + (due − anchorExercise) / speed); server part = event.wallTime − the same due wall time',
        baseline: 'bench/exercise/bare-scheduler.ts: one setTimeout per stimulus armed at clock.start, bare socket.io broadcast of the same payload',
      },
      targets,
      summary: { orsanErrorP99Ms: orsan.errorMs.p99, bareErrorP99Ms: bare.errorMs.p99, ratio, complete, pass: complete && orsan.errorMs.p99 <= targets.errorP99Ms },
      runs,
    };
    const out = writeResults('exercise', results);
    console.log(`\n${markdownSummary(runs, ratio)}\nRésultats : ${out}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function markdownSummary(runs: InjectionRun[], ratio: number): string {
  const row = (r: InjectionRun) =>
    `| ${r.target === 'bare' ? 'bare setTimeout + socket.io' : 'ORSAN'} | ${r.errorMs.p50} / ${r.errorMs.p95} / ${r.errorMs.p99} / ${r.errorMs.max} | ${r.serverPartMs.p50} / ${r.serverPartMs.p99} | ${r.deliveryMs.p50} / ${r.deliveryMs.p99} | ${r.received}/${r.expected} | ${r.serverCpuPercent} % / ${r.serverRssMiB} MiB | ${r.clientCpuPercent} % |`;
  return [
    `| ${clients} ARS players, ×1 | timing error p50 / p95 / p99 / max ms | server part p50 / p99 | delivery p50 / p99 | received / expected | server CPU / RSS | load CPU |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(row),
    '',
    `p99 ratio ORSAN / bare: **${ratio}**; target p99 ≤ ${targets.errorP99Ms} ms: ${runs[1]!.errorMs.p99 <= targets.errorP99Ms ? '✅' : '❌'}`,
  ].join('\n');
}
