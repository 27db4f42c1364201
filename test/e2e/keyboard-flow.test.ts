import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { callApi } from '../helpers/server.js';
import { connect, createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser } from '../helpers/browser.js';

/**
 * Presses Tab (Shift+Tab with `back`) until the element with `testId` has the keyboard focus, as a person without a
 * mouse would, and checks that the focus is visible there. Fails when the element cannot be reached.
 */
async function tabTo(page: Page, testId: string, back = false): Promise<void> {
  for (let presses = 0; presses < 250; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el) return null;
      const style = getComputedStyle(el);
      return { id: el.getAttribute('data-testid'), ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (focused?.id === testId) {
      expect(focused.ring, `the keyboard focus on ${testId} is visible`).toBe(true);
      return;
    }
  }
  throw new Error(`${testId} cannot be reached with the Tab key`);
}

/** Issue 18, accessibility: the ARS cell's main flow with the keyboard alone — join, log, alert. */
describe('the ARS main flow with the keyboard only', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — clavier seul' });
    const director = await connect(server.url, room.directorToken);
    expect((await director.send('clock.start')).ok).toBe(true);
    director.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('joins, writes a main-courante entry and alerts the Préfecture without touching the mouse', async () => {
    const invitation = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'ars' }, room.directorToken);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${room.url}/join/${encodeURIComponent(invitation.body.code)}`);
    // The name field has the focus on arrival from an invitation link.
    await page.keyboard.type('Claire Martin');
    await page.keyboard.press('Enter');
    await page.getByTestId('exercise-clock').waitFor();

    await tabTo(page, 'tab-main-courante');
    await page.keyboard.press('Enter');
    await tabTo(page, 'mc-input');
    await page.keyboard.type('Appel du directeur de garde : messagerie du GHT chiffrée');
    await page.keyboard.press('Enter');
    // The main courante also holds the room's system entries (the scenario's first steps): find the typed one.
    await expect.poll(() => page.getByTestId('mc-entry').filter({ hasText: 'messagerie du GHT chiffrée' }).count()).toBe(1);

    await tabTo(page, 'tab-alert-chain', true);
    await page.keyboard.press('Enter');
    await tabTo(page, 'alert-chain-view-list');
    await page.keyboard.press('Enter');
    await tabTo(page, 'alert-ars-prefecture');
    await page.keyboard.press('Enter');
    await tabTo(page, 'alert-message-ars-prefecture');
    await page.keyboard.type('Cyberattaque au CH Eure-Seine, SAMU 27 en mode dégradé.');
    await tabTo(page, 'alert-submit-ars-prefecture');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('link-ars-prefecture').getAttribute('data-status')).toBe('alerte');

    // What the keys did reached the server: a fresh connection's snapshot holds the alert.
    const director = await connect(server.url, room.directorToken);
    const snapshot = JSON.stringify(director.welcome.catchUp);
    director.close();
    expect(snapshot).toContain('SAMU 27 en mode dégradé');
  }, 120_000);
});
