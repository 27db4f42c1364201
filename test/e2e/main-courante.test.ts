import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

/** The main courante in a browser: keyboard-first entry, live on the other cell's page, corrections shown together. */
describe('main courante in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer({ env: process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {} });
    room = await createRoom(server.url, { title: 'Exercice cyber — main courante' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('records an entry typed then Enter, with Alt+2 for a decision, and a correction under it', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    for (const page of [ars, prefecture]) await page.getByTestId('tab-main-courante').click();

    const input = ars.getByTestId('mc-input');
    await input.click();
    await ars.keyboard.type('Bascule du 15 vers le SAMU 76');
    await ars.keyboard.press('Alt+Digit2');
    await ars.keyboard.press('Enter');
    await expect.poll(() => prefecture.getByTestId('mc-entry').count()).toBe(1);
    const first = prefecture.getByTestId('mc-entry').first();
    expect(await first.textContent()).toContain('Décision');
    expect(await first.textContent()).toContain('Claire Martin (ARS)');
    await expect.poll(() => first.getAttribute('data-pending')).toBe('false');
    expect(await input.inputValue()).toBe('');

    // Its own cell corrects it (the Préfecture may not), starting from what it says.
    await ars.getByTestId('mc-correct').first().click();
    await input.fill('Correction : vers le SAMU 27');
    await ars.keyboard.press('Enter');
    await expect.poll(() => ars.locator('.mc-corrections [data-testid="mc-entry"]').count()).toBe(1);
    expect(await ars.locator('.mc-thread').count()).toBe(1);

    await ars.getByTestId('mc-search').fill('samu 27');
    await expect.poll(() => ars.locator('.mc-thread').count()).toBe(1);
    await ars.getByTestId('mc-search').fill('introuvable');
    await expect.poll(() => ars.locator('.mc-thread').count()).toBe(0);
    await expect.poll(() => ars.getByTestId('mc-summary').textContent()).toContain('2 entrées');
  });
});
