import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';
import type { Role } from '../../shared/core/roles.js';

/** Where the screenshots go: a reviewer opens them after the run (issue 18, acceptance). */
const shots = fileURLToPath(new URL('../../test-results/screens/', import.meta.url));

const viewports = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

interface Finding {
  view: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.1 A/AA rules, as RGAA 4.1 maps them). */
async function seriousViolations(page: Page, view: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ view, rule: v.id, impact: v.impact ?? '', targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/**
 * How far the page is wider than the screen (0 when nothing makes it scroll sideways), and the outermost elements
 * that stick out, so that a failure says what to fix.
 */
function sidewaysOverflow(page: Page): Promise<{ by: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const by = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    if (by > 0) {
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        let scrolled = false;
        for (let a = el.parentElement; a && !scrolled; a = a.parentElement) scrolled = getComputedStyle(a).overflowX !== 'visible';
        if (scrolled) continue; // inside a scroller (the header's counters, the tab bar): it does not widen the page
        const right = el.getBoundingClientRect().right;
        // In document order: the first ones are the outermost.
        if (right > width + 0.5) culprits.push(`${el.tagName.toLowerCase()}.${String(el.className)} (${Math.round(right)}px)`);
      }
    }
    return { by, culprits: culprits.slice(0, 5) };
  });
}

/**
 * Issue 18, design system and accessibility: every tab of every role, at 1440 px and 390 px, has no serious or
 * critical axe-core violation, never scrolls sideways on a phone, and is photographed for review.
 */
describe('every view of every role is accessible and fits a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — accessibilité' });
    const director = await connect(server.url, room.directorToken);
    // Something in every view: the exercise runs, so stimuli and deadlines exist; the RETEX is open to players.
    expect((await director.send('clock.start')).ok).toBe(true);
    expect((await director.send('retex.release')).ok).toBe(true);
    director.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const people: Array<{ who: string; role: Role; name: string; cell?: string }> = [
    { who: 'director', role: 'director', name: 'Anne Animatrice' },
    { who: 'ars', role: 'player', name: 'Claire Martin', cell: 'ars' },
    { who: 'prefecture', role: 'player', name: 'Paul Préfet', cell: 'prefecture' },
    { who: 'evaluator', role: 'evaluator', name: 'Éva Luatrice' },
    { who: 'observer', role: 'observer', name: 'Olivier Observateur' },
  ];

  for (const { who, role, name, cell } of people) {
    it(`${who}: every tab at 1440 and 390 px`, async () => {
      const page = await openRoomAs(browser, room, role, name, cell);
      const tabIds = await page.locator('[data-testid^="tab-"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid') ?? ''));
      expect(tabIds.length).toBeGreaterThan(3);
      // At 1024 px every tab is on screen (the bar wraps rather than hiding the last tabs off to the right).
      await page.setViewportSize({ width: 1024, height: 768 });
      for (const tabId of tabIds) {
        const tab = await page.getByTestId(tabId).boundingBox();
        expect(tab && tab.x >= 0 && tab.x + tab.width <= 1024, `${tabId} on screen at 1024 px`).toBe(true);
      }
      const findings: Finding[] = [];
      const overflows: string[] = [];
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        for (const tabId of tabIds) {
          const view = `${who}-${tabId.replace(/^tab-/, '')}-${viewport.width}`;
          await page.getByTestId(tabId).click();
          await page.waitForLoadState('networkidle');
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.screenshot({ path: `${shots}${view}.png`, fullPage: true });
          findings.push(...(await seriousViolations(page, view)));
          const overflow = await sidewaysOverflow(page);
          if (overflow.by > 0) overflows.push(`${view}: ${overflow.by}px — ${overflow.culprits.join(', ')}`);
        }
      }
      await page.context().close();
      writeFileSync(`${shots}${who}-findings.json`, JSON.stringify({ findings, overflows }, null, 2));
      expect({ findings, overflows }).toEqual({ findings: [], overflows: [] });
    }, 240_000);
  }
});
