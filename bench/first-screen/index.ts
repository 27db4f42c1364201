import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { callApi } from '../../tools/api.js';
import { startServerProcess, type ServerProcess } from '../../tools/process.js';
import { chromiumFlags, chromiumPath, pinnedChromium } from '../care-map/render.js';
import { loadCpu, serverCpu } from '../cluster/measure.js';
import { createBenchRoom } from '../cluster/sockets.js';
import { describeMachine } from '../lib/machine.js';
import { cpuWindow, memoryMiB } from '../lib/proc.js';
import { contention, loadAverage, writeResults } from '../lib/results.js';
import { median } from '../lib/stats.js';
import { buildClients, type ClientBuild, type ClientName } from './builds.js';
import { renderFirstScreen, scriptBytes, type Flow, type ScreenRender } from './page.js';

/** Issue 15: a player's first screen loads at most 300 KB of gzip JavaScript. */
export const targets = { firstScreenGzipKB: 300 } as const;

const renders = Number(process.env.BENCH_FIRST_SCREEN_RENDERS ?? 7);
/** Appended to the results file name (`<date>-first-screen-<label>.json`), to keep several runs of one day. */
const label = process.env.BENCH_FIRST_SCREEN_LABEL ?? 'run';

interface Target {
  build: ClientBuild;
  server: ServerProcess;
  roomId: string;
  session: string;
  cpu: { stop(): number };
}

async function startTarget(build: ClientBuild): Promise<Target> {
  const server = await startServerProcess({ cpu: serverCpu, env: { CLIENT_DIR: build.dir } });
  try {
    const room = await createBenchRoom(server.url, server.operatorToken, { mode: 'crisis', title: 'Banc de mesure — premier écran' });
    const invitation = await callApi(server.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars' }, room.directorToken);
    const joined = await callApi(server.url, 'POST', '/api/join', { code: invitation.body.code, name: 'Agent ARS' });
    if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
    const session = JSON.stringify({ token: joined.body.token, roomId: room.roomId, role: 'player', cell: 'ars', name: 'Agent ARS', sessionId: joined.body.sessionId });
    return { build, server, roomId: room.roomId, session, cpu: cpuWindow(server.pid) };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

const kb = (bytes: number) => Math.round(bytes / 100) / 10;
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Medians over the renders of one client and flow. */
function summarise(all: ScreenRender[]) {
  const room = all.filter((r) => r.flow === 'room');
  const map = all.filter((r) => r.flow === 'map');
  const med = (list: ScreenRender[], pick: (r: ScreenRender) => number | undefined) => round1(median(list.map((r) => pick(r) ?? Number.NaN)));
  const before = (r: ScreenRender) => scriptBytes(r.scripts, r.timing.clockInDom);
  const byOverview = (r: ScreenRender) => scriptBytes(r.scripts, r.timing.overviewInDom);
  const requestedBefore = (r: ScreenRender) => r.scripts.filter((s) => s.startMs <= r.timing.clockInDom).length;
  return {
    room: {
      domContentLoadedMs: med(room, (r) => r.timing.domContentLoaded),
      clockPaintedMs: med(room, (r) => r.timing.clockPainted),
      overviewPaintedMs: med(room, (r) => r.timing.overviewPainted),
      clockPaintedEachMs: room.map((r) => r.timing.clockPainted),
      jsBeforeFirstRender: {
        files: med(room, (r) => before(r).count),
        filesRequested: med(room, requestedBefore),
        servedKB: med(room, (r) => kb(before(r).encodedBodyBytes)),
        gzipKB: med(room, (r) => kb(before(r).gzipBytes)),
        wireKB: med(room, (r) => kb(before(r).wireBytes)),
        decodedKB: med(room, (r) => kb(before(r).decodedBytes)),
        meetsTarget: med(room, (r) => kb(before(r).gzipBytes)) <= targets.firstScreenGzipKB,
      },
      /** Received by the time the first tab's content (a lazy chunk of its own) is in the DOM. */
      jsByOverview: {
        files: med(room, (r) => byOverview(r).count),
        servedKB: med(room, (r) => kb(byOverview(r).encodedBodyBytes)),
        gzipKB: med(room, (r) => kb(byOverview(r).gzipBytes)),
        decodedKB: med(room, (r) => kb(byOverview(r).decodedBytes)),
      },
      jsAfterPreloads: {
        files: med(room, (r) => r.scripts.length),
        servedKB: med(room, (r) => kb(scriptBytes(r.scripts).encodedBodyBytes)),
        gzipKB: med(room, (r) => kb(scriptBytes(r.scripts).gzipBytes)),
        wireKB: med(room, (r) => kb(scriptBytes(r.scripts).wireBytes)),
        decodedKB: med(room, (r) => kb(scriptBytes(r.scripts).decodedBytes)),
      },
      encodings: Object.fromEntries(
        [...new Set(room.flatMap((r) => r.scripts.map((s) => s.encoding)))].map((e) => [e, new Set(room.flatMap((r) => r.scripts.filter((s) => s.encoding === e).map((s) => s.path))).size]),
      ),
    },
    map: {
      clockPaintedMs: med(map, (r) => r.timing.clockPainted),
      tabClickMs: med(map, (r) => r.timing.tabClick),
      mapPaintedMs: med(map, (r) => r.timing.mapPainted),
      tabToPaintedMs: med(map, (r) => (r.timing.mapPainted ?? Number.NaN) - (r.timing.tabClick ?? Number.NaN)),
      mapPaintedEachMs: map.map((r) => r.timing.mapPainted ?? Number.NaN),
    },
  };
}

type Summary = ReturnType<typeof summarise>;

function markdownSummary(summaries: Array<{ name: ClientName; summary: Summary }>): string {
  const rows = summaries.map(({ name, summary: { room, map } }) =>
    [
      name,
      `${room.jsBeforeFirstRender.gzipKB} ${room.jsBeforeFirstRender.meetsTarget ? '✅' : '❌'} / ${room.jsBeforeFirstRender.servedKB} / ${room.jsBeforeFirstRender.decodedKB} (${room.jsBeforeFirstRender.files})`,
      `${room.jsByOverview.gzipKB} / ${room.jsByOverview.servedKB} / ${room.jsByOverview.decodedKB} (${room.jsByOverview.files})`,
      `${room.jsAfterPreloads.gzipKB} / ${room.jsAfterPreloads.servedKB} / ${room.jsAfterPreloads.decodedKB} (${room.jsAfterPreloads.files})`,
      room.domContentLoadedMs,
      `**${room.clockPaintedMs}**`,
      room.overviewPaintedMs,
      map.tabClickMs,
      `**${map.mapPaintedMs}**`,
      map.tabToPaintedMs,
    ].join(' | '),
  );
  return [
    `| client (median of ${renders}) | JS by clock in DOM, KB gzip / br as served / decoded (files) | JS by overview in DOM | JS after preloads | DOMContentLoaded | clock painted | overview painted | map: tab clicked | map painted | tab → painted |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

/**
 * Issue 15: a player's first screen. Three clients built in this run (the old single bundle, the lazy tabs with
 * every tab preloaded at mount, and preloaded after the room's first render), each behind its own server; the
 * renders alternate between them (room then map, client after client) so that a noisy moment hits all three.
 */
export async function runFirstScreenBench(): Promise<void> {
  const startedAt = new Date().toISOString();
  const before = { loadAverage1m: loadAverage(), ...contention() };
  console.log('Construction des trois clients (a3f1bb6, préchargement au montage, après le premier rendu)…');
  const { root, builds } = buildClients();
  const targetsRunning: Target[] = [];
  const chromiumDir = mkdtempSync(join(tmpdir(), 'orsan-bench-chromium-'));
  let browser: Browser | undefined;
  try {
    for (const build of builds) {
      const gzip = build.chunks.reduce((n, c) => n + c.gzipBytes, 0);
      console.log(`  ${build.name}: ${build.chunks.length} fichiers JS, ${kb(gzip)} KB gzip en tout, construit en ${build.buildMs} ms`);
      targetsRunning.push(await startTarget(build));
    }
    browser = await chromium.launch({ executablePath: pinnedChromium(chromiumDir, loadCpu), headless: true, args: chromiumFlags, timeout: 60_000 });
    const results = new Map<ClientName, ScreenRender[]>(builds.map((b) => [b.name, []]));
    const loadDuring: Array<{ round: number; loadAverage1m: number; cpuSomeAvg60: number | null; ioSomeAvg60: number | null }> = [];
    for (let round = 0; round <= renders; round++) {
      for (const target of targetsRunning) {
        for (const flow of ['room', 'map'] as Flow[]) {
          const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
          try {
            const gzipOf = (path: string) => target.build.chunks.find((c) => path === `/assets/${c.file}`)?.gzipBytes;
            const render = await renderFirstScreen(context, { url: target.server.url, roomId: target.roomId, session: target.session, gzipOf }, flow);
            if (round > 0) results.get(target.build.name)!.push(render);
            const t = render.timing;
            const js = scriptBytes(render.scripts, t.clockInDom);
            console.log(
              `  ${round === 0 ? 'échauffement ' : ''}${target.build.name} ${flow}: horloge peinte ${t.clockPainted} ms (${js.count} JS, ${kb(js.gzipBytes)} KB gzip, ${kb(js.encodedBodyBytes)} KB servis reçus avant)` +
                (flow === 'room' ? `, vue d’ensemble ${t.overviewPainted} ms` : `, carte peinte ${t.mapPainted} ms (onglet à ${t.tabClick} ms)`),
            );
          } finally {
            await context.close();
          }
        }
      }
      loadDuring.push({ round, loadAverage1m: loadAverage(), ...contention() });
    }
    const summaries = builds.map((b) => ({ name: b.name, summary: summarise(results.get(b.name)!) }));
    const servers = targetsRunning.map((t) => ({ client: t.build.name, serverCpuPercent: t.cpu.stop(), serverRssMiB: memoryMiB(t.server.pid).rss }));
    const file = writeResults(`first-screen-${label}`, {
      suite: 'first-screen',
      startedAt,
      command: `BENCH_FIRST_SCREEN_LABEL=${label} BENCH_FIRST_SCREEN_RENDERS=${renders} npm run bench -- first-screen`,
      machine: describeMachine(),
      machineLoad: { before, during: loadDuring, after: { loadAverage1m: loadAverage(), ...contention() } },
      method: {
        browser: `${chromiumPath} headless (playwright-core), pinned to CPU ${loadCpu}; servers on CPU ${serverCpu}; flags ${chromiumFlags.join(' ')}`,
        clients: builds.map((b) => ({ name: b.name, source: b.source })),
        room: 'crisis room (default region normandie), an ARS player session put in localStorage, viewport 1400×900, no tiles',
        flows: {
          room: 'fresh context, /room/<id> opened; clock painted = two animation frames after [data-testid="exercise-clock"] is in the DOM; overview painted = same for .overview (the first tab, a lazy chunk)',
          map: 'fresh context, /room/<id> opened, [data-testid="tab-careMap"] clicked as soon as it exists; map painted = two animation frames after establishment markers and cluster icons are in the DOM (bench/care-map definition)',
        },
        bytes:
          'every .js response: content-encoding and bytes on the wire (headers included) from CDP Network events, body as served (encodedBodySize: Chromium accepts br, and compression 1.8 sends brotli) and decoded sizes from Resource Timing (decoded checked equal to the CDP dataReceived sum); gzip = the built file gzipped at zlib’s default level, what compression sends a gzip-only client (files under its 1 KiB threshold count as is); "by first render" = responseEnd ≤ the clock in the DOM; "after preloads" = once no script request was pending for 1 s',
        order: `one unrecorded warm-up round, then ${renders} rounds; each round renders room then map for each client in turn (three servers, each serving one client, running side by side)`,
      },
      targets,
      builds: builds.map((b) => ({ name: b.name, source: b.source, buildMs: b.buildMs, jsFiles: b.chunks.length, chunks: b.chunks })),
      summary: summaries,
      servers,
      renders: Object.fromEntries(results),
    });
    console.log(`\n${markdownSummary(summaries)}\n\nRésultats : ${file}`);
  } finally {
    await browser?.close();
    for (const target of targetsRunning) await target.server.stop();
    rmSync(chromiumDir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
}
