import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const viewports = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Where an element of the page is, in viewport pixels. */
async function box(page: Page, testId: string) {
  const found = await page.getByTestId(testId).boundingBox();
  if (!found) throw new Error(`${testId} is not rendered`);
  return found;
}

/** Issue 18, point 8: the EXERCICE banner, the clock and the counters stay on screen on the longest pages. */
describe('the banner and the clock stay on screen, on a desktop and on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — bandeau permanent' });
    // Players read the RETEX once the director opens it: it is their longest page.
    const director = await connect(server.url, room.directorToken);
    expect((await director.send('retex.release')).ok).toBe(true);
    director.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pages = [
    // `target`: what the page scrolls to (the console's « Répondre » scrolls to the ad hoc form), from the bottom.
    { who: 'the director on the animator console', open: () => openRoomAs(browser, room, 'director', 'Anne Animatrice'), tab: 'animator', ready: 'animator-console', target: '#adhoc' },
    { who: 'an ARS player on the RETEX', open: () => openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars'), tab: 'retex', ready: 'retex-report', target: '[data-testid="retex-print"]' },
  ];

  for (const { who, open, tab, ready, target } of pages) {
    it(`${who}: scrolled to the bottom, the banner and the clock are in view, the top is compact on a phone`, async () => {
      const page = await open();
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId(ready).waitFor();
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        // The page did scroll (it is long), and the top stayed where it is.
        await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(viewport.height);
        for (const testId of ['mode-banner', 'exercise-clock', 'room-top']) {
          const { y, height } = await box(page, testId);
          expect(y, `${testId} at ${viewport.width}px`).toBeGreaterThanOrEqual(0);
          expect(y + height, `${testId} at ${viewport.width}px`).toBeLessThanOrEqual(viewport.height);
        }
        expect(await page.getByTestId('mode-banner').textContent()).toContain('EXERCICE');
        const top = await box(page, 'room-top');
        if (viewport.width === 390) expect(top.height).toBeLessThanOrEqual(0.25 * 844);
        // Scrolled to, an element lands below the top (and below the console's own bar), not hidden behind them.
        const uncovered = await page.evaluate((selector) => {
          const element = document.querySelector(selector)!;
          element.scrollIntoView({ block: 'start' });
          const { left, top } = element.getBoundingClientRect();
          return element.contains(document.elementFromPoint(left + 4, top + 4));
        }, target);
        expect(uncovered, `${target} at ${viewport.width}px`).toBe(true);
      }
      await page.context().close();
    });
  }
});
