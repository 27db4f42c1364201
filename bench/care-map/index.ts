import { rmSync } from 'node:fs';
import { defaultRegionsDir, readRegion } from '../../server/care-map/region.js';
import { startServerProcess } from '../../tools/process.js';
import { describeMachine } from '../lib/machine.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { describeRun, loadCpu, measureCommands, serverCpu, startBare, startOrsan, type CommandRun, type Target } from '../cluster/measure.js';
import { clientBundle } from './bundle.js';
import { chromiumFlags, chromiumPath, measureFirstRenders, type RenderTiming } from './render.js';

/** Issue 5: the map's first render within 1 s (median of 5); a status change reaches 200 clients within 1.5× bare socket.io (p99). */
export const targets = { firstRenderMs: 1_000, setStatusP99Ratio: 1.5 } as const;

const renders = Number(process.env.BENCH_CARE_MAP_RENDERS ?? 5);
const clients = Number(process.env.BENCH_CARE_MAP_CLIENTS ?? 200);
const repeats = Number(process.env.BENCH_CARE_MAP_REPEATS ?? 3);

async function firstRender(clientDir: string): Promise<{ timings: RenderTiming[]; serverCpuPercent: number; serverRssMiB: number }> {
  const server = await startServerProcess({ cpu: serverCpu, env: { CLIENT_DIR: clientDir } });
  try {
    const cpu = cpuWindow(server.pid);
    const timings = await measureFirstRenders(server.url, server.operatorToken, renders, loadCpu);
    return { timings, serverCpuPercent: cpu.stop(), serverRssMiB: memoryMiB(server.pid).rss };
  } finally {
    await server.stop();
  }
}

/** Bare and ORSAN alternate within each repeat, so that a noisy minute on the machine hits both. */
async function setStatusBroadcast(finess: string[]): Promise<CommandRun[]> {
  const runs: CommandRun[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const name of ['bare', 'orsan'] as const) {
      const target: Target = name === 'bare' ? await startBare() : await startOrsan('orsan', 1);
      try {
        runs.push(await measureCommands(target, clients, { command: 'careStatus', sender: { role: 'player', cell: 'ars' }, finess }));
        console.log(`  ${describeRun(runs.at(-1)!)}`);
      } finally {
        await target.stop();
      }
    }
  }
  return runs;
}

/** The care-map suite: first render in headless Chromium, then `careMap.setStatus` → 200 clients. */
export async function runCareMapBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  const region = await readRegion(defaultRegionsDir, 'normandie');
  const bundle = clientBundle();
  try {
    console.log(`Premier rendu de la carte (${region.establishments.length} sites, médiane de ${renders}, Chromium ${chromiumPath})…`);
    const render = await firstRender(bundle.dir);
    for (const t of render.timings) console.log(`  navigation → marqueurs peints ${t.painted} ms (onglet cliqué à ${t.tabClick} ms, région ${t.regionRequest?.durationMs ?? '?'} ms)`);
    const paintedMedian = median(render.timings.map((t) => t.painted));
    const fromTabMedian = median(render.timings.map((t) => t.painted - t.tabClick));

    console.log(`careMap.setStatus par un joueur ARS → ${clients} clients (${repeats} passes)…`);
    const finess = region.establishments
      .filter((e) => e.layer === 'region')
      .slice(0, 20)
      .map((e) => e.finess);
    const runs = await setStatusBroadcast(finess);
    const p = (target: string, key: 'p50' | 'p99') => median(runs.filter((r) => r.target === target).map((r) => r.latencyMs[key]));
    const ratio = (key: 'p50' | 'p99') => Math.round((p('orsan', key) / p('bare', key)) * 100) / 100;
    const complete = runs.every((r) => r.received === r.expected && r.outOfOrder === 0);

    const summary = {
      firstRender: { medianPaintedMs: paintedMedian, medianFromTabClickMs: Math.round(fromTabMedian * 10) / 10, pass: paintedMedian <= targets.firstRenderMs },
      setStatus: {
        bareP50Ms: p('bare', 'p50'),
        orsanP50Ms: p('orsan', 'p50'),
        bareP99Ms: p('bare', 'p99'),
        orsanP99Ms: p('orsan', 'p99'),
        p50Ratio: ratio('p50'),
        p99Ratio: ratio('p99'),
        complete,
        pass: complete && ratio('p99') <= targets.setStatusP99Ratio,
      },
    };
    const file = writeResults('care-map', {
      suite: 'care-map',
      startedAt,
      command: 'npm run bench -- care-map',
      machine: describeMachine(),
      machineLoad: { before, after: { loadAverage1m: loadAverage(), ...contention() } },
      method: {
        firstRender: {
          browser: `${chromiumPath} headless (playwright-core), pinned to CPU ${loadCpu}; server on CPU ${serverCpu}; flags ${chromiumFlags.join(' ')}`,
          bundle: bundle.origin,
          room: `crisis room, region normandie: ${region.establishments.length} sites (${region.establishments.filter((e) => e.layer === 'national').length} of the national layer), viewport 1400×900, no tiles`,
          measure:
            'fresh context per render (empty cache), session put in localStorage, /room/<id> opened, the care-map tab clicked by script as soon as it exists; painted = two animation frames after establishment markers and cluster icons are in the DOM; ms from navigation start; one unrecorded warm-up render',
          renders,
        },
        setStatus: {
          pinning: `server on CPU ${serverCpu}, load process on CPU ${loadCpu}`,
          schedule: `careMap.setStatus (~300 B: FINESS cycling over ${finess.length} sites, modes cycling, situation text) at 20/s from 4 sockets of one ARS player; 20 warm-up then 200 recorded`,
          receivers: `${clients} sockets of 50 sessions (players ars/prefecture, observers, evaluators); bare: bench/core/bare-server.ts echoing the same payload`,
          repeats,
        },
      },
      targets,
      summary,
      firstRender: render,
      setStatus: runs,
    });
    console.log(`\n${markdownSummary(summary, render, runs)}\nRésultats : ${file}`);
  } finally {
    if (bundle.temporary) rmSync(bundle.dir, { recursive: true, force: true });
  }
}

function markdownSummary(
  summary: { firstRender: { medianPaintedMs: number; medianFromTabClickMs: number; pass: boolean }; setStatus: Record<string, number | boolean> },
  render: { timings: RenderTiming[] },
  runs: CommandRun[],
): string {
  const med = (pick: (t: RenderTiming) => number) => Math.round(median(render.timings.map(pick)) * 10) / 10;
  const s = summary.setStatus;
  const cpu = (target: string) => median(runs.filter((r) => r.target === target).map((r) => r.serverCpuTotal));
  return [
    '| First render (median of ' + render.timings.length + ') | DOMContentLoaded | tab clicked | markers in DOM | painted | tab → painted | region JSON |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| ms from navigation | ${med((t) => t.domContentLoaded)} | ${med((t) => t.tabClick)} | ${med((t) => t.markersInDom)} | **${summary.firstRender.medianPaintedMs}** ${summary.firstRender.pass ? '✅' : '❌'} | ${summary.firstRender.medianFromTabClickMs} | ${med((t) => t.regionRequest?.durationMs ?? Number.NaN)} ms |`,
    '',
    `| careMap.setStatus → ${clients} clients (median of ${repeats}) | p50 ms | p99 ms | server CPU % |`,
    '| --- | --- | --- | --- |',
    `| bare socket.io | ${s.bareP50Ms} | ${s.bareP99Ms} | ${cpu('bare')} |`,
    `| ORSAN | ${s.orsanP50Ms} | ${s.orsanP99Ms} | ${cpu('orsan')} |`,
    `| ratio | ${s.p50Ratio} | **${s.p99Ratio}** ${s.pass ? '✅' : '❌'} | |`,
  ].join('\n');
}
