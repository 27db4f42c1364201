import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { callApi } from '../../tools/api.js';
import { createBenchRoom } from '../cluster/sockets.js';

/** Debian's Chromium with the flags of the brief (closed network: no background calls). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** In-page timings of one first render, ms from navigation start (`performance.timeOrigin`). */
export interface RenderTiming {
  domContentLoaded: number;
  /** The « Offre de soins » tab appeared (room joined, welcome received) and was clicked at once. */
  tabClick: number;
  /** Establishment markers and the cluster layer's icons are in the DOM. */
  markersInDom: number;
  /** Two animation frames later: the frame showing them has been produced. */
  painted: number;
  regionRequest: { durationMs: number; transferBytes: number; decodedBytes: number } | null;
  /** The main bundle: when it was fully received, and its size (DOMContentLoaded waits for its execution). */
  script: { responseEnd: number; decodedBytes: number } | null;
  markers: number;
  clusters: number;
  /** Sites behind the clusters in view plus the lone markers (the rest of the national layer is off-screen). */
  sitesInView: number;
}

/**
 * Runs inside the page before any script: stores the session (as the join page would), clicks the care-map tab
 * as soon as it exists, and marks when the markers and the cluster layer are in the DOM, then painted.
 * Plain JavaScript text: functions compiled by tsx carry helpers that do not exist in the page.
 */
const instrumentScript = (key: string, session: string) => `
localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(session)});
(() => {
  const marks = {};
  const bench = { marks, done: false };
  window.__bench = bench;
  const mark = (name) => { if (marks[name] === undefined) marks[name] = performance.now(); };
  let observer = null;
  const check = () => {
    const tab = document.querySelector('[data-testid="tab-careMap"]');
    if (tab && marks.tabClick === undefined) { mark('tabClick'); tab.click(); }
    if (marks.markersInDom !== undefined) return;
    if (document.querySelector('[data-testid^="marker-"]') && document.querySelector('.marker-cluster')) {
      mark('markersInDom');
      observer.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { mark('painted'); bench.done = true; }));
    }
  };
  observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () => { observer.observe(document.body, { childList: true, subtree: true }); check(); });
})();`;

/** Reads the marks and what is on the map once the render is done (page-side text, see above). */
const collectScript = `(() => {
  const marks = window.__bench.marks;
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const region = resources.find((r) => r.name.includes('/api/regions/'));
  const script = resources.find((r) => r.name.includes('/assets/index-') && r.name.endsWith('.js'));
  const round = (v) => Math.round(v * 10) / 10;
  const clusterIcons = [...document.querySelectorAll('.marker-cluster span')];
  return {
    domContentLoaded: round(nav ? nav.domContentLoadedEventEnd : NaN),
    tabClick: round(marks.tabClick),
    markersInDom: round(marks.markersInDom),
    painted: round(marks.painted),
    regionRequest: region ? { durationMs: round(region.duration), transferBytes: region.transferSize, decodedBytes: region.decodedBodySize } : null,
    script: script ? { responseEnd: round(script.responseEnd), decodedBytes: script.decodedBodySize } : null,
    markers: document.querySelectorAll('[data-testid^="marker-"]').length,
    clusters: clusterIcons.length,
    clusterSites: clusterIcons.reduce((n, el) => n + Number(el.textContent || 0), 0),
  };
})()`;

/** A wrapper that pins Chromium (every process it starts) to `cpu`, away from the server's core. */
export function pinnedChromium(dir: string, cpu: number): string {
  const wrapper = join(dir, 'chromium-pinned.sh');
  writeFileSync(wrapper, `#!/bin/sh\nexec taskset -c ${cpu} ${chromiumPath} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/**
 * `repeats` first renders of the care-map tab in a crisis room (Normandie + national layer), each in a fresh
 * browser context (empty cache and storage), after one unrecorded warm-up render.
 */
export async function measureFirstRenders(url: string, operatorToken: string, repeats: number, cpu: number): Promise<RenderTiming[]> {
  const room = await createBenchRoom(url, operatorToken, { mode: 'crisis', title: 'Banc de mesure — carte' });
  const invitation = await callApi(url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars' }, room.directorToken);
  const joined = await callApi(url, 'POST', '/api/join', { code: invitation.body.code, name: 'Agent ARS' });
  if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  const session = JSON.stringify({ token: joined.body.token, roomId: room.roomId, role: 'player', cell: 'ars', name: 'Agent ARS', sessionId: joined.body.sessionId });

  const dir = mkdtempSync(join(tmpdir(), 'orsan-bench-chromium-'));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: pinnedChromium(dir, cpu), headless: true, args: chromiumFlags, timeout: 60_000 });
    const timings: RenderTiming[] = [];
    for (let i = 0; i <= repeats; i++) {
      // The app's CSP forbids eval, which playwright's string predicates use; the page's own scripts are unchanged.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
      try {
        await context.addInitScript({ content: instrumentScript(`orsan-room:session:${room.roomId}`, session) });
        const page = await context.newPage();
        await page.goto(`${url}/room/${room.roomId}`);
        await page.waitForFunction('window.__bench !== undefined && window.__bench.done === true', undefined, { timeout: 30_000 });
        const { clusterSites, ...timing } = (await page.evaluate(collectScript)) as Omit<RenderTiming, 'sitesInView'> & { clusterSites: number };
        if (i > 0) timings.push({ ...timing, sitesInView: clusterSites + timing.markers });
      } finally {
        await context.close();
      }
    }
    return timings;
  } finally {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
