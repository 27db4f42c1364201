import type { BrowserContext } from 'playwright-core';

export type Flow = 'room' | 'map';

/** One JavaScript response: sizes from the CDP Network domain, times from Resource Timing (the page's clock). */
export interface ScriptResponse {
  path: string;
  /** `content-encoding` of the response: `br` for Chromium (compression 1.8 prefers brotli), `identity` under 1 KiB. */
  encoding: string;
  /** Bytes on the wire, headers included (Network.loadingFinished encodedDataLength). */
  wireBytes: number;
  /** Body bytes as sent (Resource Timing encodedBodySize: brotli when compressed). */
  encodedBodyBytes: number;
  /** What `compression` would send to a gzip-only client: the built file gzipped at zlib's default level (as is, under 1 KiB). */
  gzipBytes: number;
  /** Body bytes after decoding (sum of Network.dataReceived dataLength; Resource Timing decodedBodySize agrees). */
  decodedBytes: number;
  startMs: number;
  responseEndMs: number;
}

/** Marks of one render, ms from navigation start (`performance.timeOrigin`); undefined when the flow does not reach them. */
export interface ScreenTiming {
  domContentLoaded: number;
  /** `[data-testid="exercise-clock"]` in the DOM (room header rendered after the socket's welcome), then painted two animation frames later. */
  clockInDom: number;
  clockPainted: number;
  /** Room flow: the first tab's content (`.overview`, itself a lazy chunk) in the DOM, then painted. */
  overviewInDom?: number;
  overviewPainted?: number;
  /** Map flow: the care-map tab clicked as soon as it exists, then care-map's definition of markers in DOM / painted. */
  tabClick?: number;
  markersInDom?: number;
  mapPainted?: number;
}

export interface ScreenRender {
  flow: Flow;
  timing: ScreenTiming;
  /** Every JavaScript response once no script request was pending for 1 s (all preloads done). */
  scripts: ScriptResponse[];
}

/**
 * Runs in the page before any script: stores the session, marks the clock and the first tab (room flow) or clicks
 * the care-map tab as soon as it exists and marks the markers as `bench/care-map/render.ts` does (establishment
 * markers and cluster icons in the DOM, then two animation frames). Plain JavaScript text, as in care-map.
 */
const instrumentScript = (key: string, session: string, flow: Flow) => `
localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(session)});
(() => {
  const flow = ${JSON.stringify(flow)};
  const marks = {};
  const bench = { marks, done: false };
  window.__bench = bench;
  const mark = (name) => { if (marks[name] === undefined) marks[name] = performance.now(); };
  const paintedAfter = (name, then) => requestAnimationFrame(() => requestAnimationFrame(() => { mark(name); then(); }));
  const finish = () => {
    const needed = flow === 'room' ? ['clockPainted', 'overviewPainted'] : ['clockPainted', 'mapPainted'];
    if (needed.every((n) => marks[n] !== undefined)) { observer.disconnect(); bench.done = true; }
  };
  let observer = null;
  const check = () => {
    if (marks.clockInDom === undefined && document.querySelector('[data-testid="exercise-clock"]')) { mark('clockInDom'); paintedAfter('clockPainted', finish); }
    if (flow === 'room') {
      if (marks.overviewInDom === undefined && document.querySelector('.overview')) { mark('overviewInDom'); paintedAfter('overviewPainted', finish); }
      return;
    }
    const tab = document.querySelector('[data-testid="tab-careMap"]');
    if (tab && marks.tabClick === undefined) { mark('tabClick'); tab.click(); }
    if (marks.markersInDom === undefined && document.querySelector('[data-testid^="marker-"]') && document.querySelector('.marker-cluster')) {
      mark('markersInDom');
      paintedAfter('mapPainted', finish);
    }
  };
  observer = new MutationObserver(check);
  document.addEventListener('DOMContentLoaded', () => { observer.observe(document.body, { childList: true, subtree: true }); check(); });
})();`;

const collectScript = `(() => {
  const round = (v) => (v === undefined ? undefined : Math.round(v * 10) / 10);
  const marks = window.__bench.marks;
  const nav = performance.getEntriesByType('navigation')[0];
  const timing = { domContentLoaded: round(nav ? nav.domContentLoadedEventEnd : NaN) };
  for (const [k, v] of Object.entries(marks)) timing[k] = round(v);
  const scripts = performance
    .getEntriesByType('resource')
    .filter((r) => new URL(r.name).pathname.endsWith('.js'))
    .map((r) => ({ url: r.name, startMs: round(r.startTime), responseEndMs: round(r.responseEnd), encodedBodyBytes: r.encodedBodySize, decodedBytes: r.decodedBodySize }));
  return { timing, scripts };
})()`;

interface CdpResponse {
  url: string;
  encoding: string;
  decoded: number;
  wire: number | null;
}

/**
 * One first render of `/room/<roomId>` for a player in the fresh `context`. JavaScript responses are followed on
 * the CDP Network domain (content-encoding, bytes on the wire, decoded bytes) and joined by URL to Resource Timing.
 */
export async function renderFirstScreen(
  context: BrowserContext,
  target: { url: string; roomId: string; session: string; gzipOf: (path: string) => number | undefined },
  flow: Flow,
): Promise<ScreenRender> {
  const { url, roomId, session } = target;
  await context.addInitScript({ content: instrumentScript(`orsan-room:session:${roomId}`, session, flow) });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const responses = new Map<string, CdpResponse>();
  let pendingScripts = 0;
  let lastScriptEvent = performance.now();
  const scriptIds = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Script' || new URL(e.request.url).pathname.endsWith('.js')) {
      scriptIds.add(e.requestId);
      pendingScripts++;
      lastScriptEvent = performance.now();
    }
  });
  cdp.on('Network.responseReceived', (e) => {
    if (!scriptIds.has(e.requestId)) return;
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(e.requestId, { url: e.response.url, encoding: headers['content-encoding'] ?? 'identity', decoded: 0, wire: null });
  });
  cdp.on('Network.dataReceived', (e) => {
    const response = responses.get(e.requestId);
    if (response) response.decoded += e.dataLength;
  });
  const settle = (requestId: string, wire: number | null) => {
    if (!scriptIds.delete(requestId)) return;
    pendingScripts--;
    lastScriptEvent = performance.now();
    const response = responses.get(requestId);
    if (response) response.wire = wire;
  };
  cdp.on('Network.loadingFinished', (e) => settle(e.requestId, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => settle(e.requestId, null));
  await cdp.send('Network.enable');

  await page.goto(`${url}/room/${roomId}`);
  await page.waitForFunction('window.__bench !== undefined && window.__bench.done === true', undefined, { timeout: 30_000 });
  // All preloads done: no script request pending, and none started or finished for 1 s (bounded at 20 s).
  const deadline = performance.now() + 20_000;
  while ((pendingScripts > 0 || performance.now() - lastScriptEvent < 1_000) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (pendingScripts > 0) throw new Error(`${pendingScripts} script request(s) still pending 20 s after the first render`);

  const collected = (await page.evaluate(collectScript)) as {
    timing: ScreenTiming;
    scripts: Array<{ url: string; startMs: number; responseEndMs: number; encodedBodyBytes: number; decodedBytes: number }>;
  };
  const byUrl = new Map([...responses.values()].map((r) => [r.url, r]));
  const scripts = collected.scripts.map((s): ScriptResponse => {
    const cdpResponse = byUrl.get(s.url);
    if (!cdpResponse || cdpResponse.wire === null) throw new Error(`no finished CDP response for ${s.url}`);
    const path = new URL(s.url).pathname;
    const gzip = cdpResponse.encoding === 'identity' ? s.decodedBytes : target.gzipOf(path);
    if (gzip === undefined) throw new Error(`${path} is not a file of the build`);
    if (cdpResponse.decoded !== s.decodedBytes) throw new Error(`${s.url}: decoded ${cdpResponse.decoded} B on CDP, ${s.decodedBytes} B in Resource Timing`);
    return {
      path,
      encoding: cdpResponse.encoding,
      wireBytes: cdpResponse.wire,
      encodedBodyBytes: s.encodedBodyBytes,
      gzipBytes: gzip,
      decodedBytes: s.decodedBytes,
      startMs: s.startMs,
      responseEndMs: s.responseEndMs,
    };
  });
  if (scripts.length !== byUrl.size) throw new Error(`${byUrl.size} script responses on CDP, ${scripts.length} in Resource Timing`);
  return { flow, timing: collected.timing, scripts };
}

/** Sums of the scripts received by `untilMs` (all when undefined): count, body bytes as sent, on the wire, gzip, decoded. */
export function scriptBytes(scripts: ScriptResponse[], untilMs?: number): { count: number; encodedBodyBytes: number; wireBytes: number; gzipBytes: number; decodedBytes: number } {
  const picked = untilMs === undefined ? scripts : scripts.filter((s) => s.responseEndMs <= untilMs);
  const sum = (pick: (s: ScriptResponse) => number) => picked.reduce((n, s) => n + pick(s), 0);
  return { count: picked.length, encodedBodyBytes: sum((s) => s.encodedBodyBytes), wireBytes: sum((s) => s.wireBytes), gzipBytes: sum((s) => s.gzipBytes), decodedBytes: sum((s) => s.decodedBytes) };
}
