import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const samuEvreux = '270000359';

/** Issue 18 #9 in a browser: « Corriger » starts from the entry, only its cell may correct it, the care map writes in the main courante. */
describe('main courante: corrections and system entries in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer({ env: process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {} });
    room = await createRoom(server.url, { title: 'ORSAN Cyber — main courante', scenario: 'cyber-ght-samu-normandie' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('prefills « Corriger », disables it on another cell’s entry, and shows a care-map status change untyped', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    for (const page of [ars, prefecture]) await page.getByTestId('tab-main-courante').click();

    await ars.getByTestId('mc-input').click();
    await ars.keyboard.type('Bascule du 15 vers le SAMU 76');
    await ars.keyboard.press('Alt+Digit2');
    await ars.keyboard.press('Enter');
    const seen = prefecture.getByTestId('mc-entry').filter({ hasText: 'Bascule du 15 vers le SAMU 76' });
    await expect.poll(() => seen.getAttribute('data-pending')).toBe('false');
    expect(await seen.getByTestId('mc-number').textContent()).toMatch(/^n° \d+$/);

    // The Préfecture may not rewrite the ARS's entry: the button says why.
    const blocked = seen.getByTestId('mc-correct');
    expect(await blocked.isDisabled()).toBe(true);
    expect(await blocked.getAttribute('title')).toContain('ARS');

    // The ARS edits its entry rather than retyping it; the original stays, the correction under it.
    await ars.getByTestId('mc-entry').filter({ hasText: 'SAMU 76' }).getByTestId('mc-correct').click();
    expect(await ars.getByTestId('mc-input').inputValue()).toBe('Bascule du 15 vers le SAMU 76');
    expect(await ars.getByTestId('mc-type').inputValue()).toBe('decision');
    await ars.getByTestId('mc-input').fill('Bascule du 15 vers le SAMU 27');
    await ars.keyboard.press('Enter');
    await expect.poll(() => prefecture.locator('.mc-corrections [data-testid="mc-entry"]').textContent()).toContain('SAMU 27');
    expect(await prefecture.locator('.mc-thread').first().textContent()).toContain('SAMU 76');

    // A status reported on the care map is in the main courante without anyone typing it.
    await ars.getByTestId('tab-careMap').click();
    await ars.getByTestId(`marker-${samuEvreux}`).click();
    await ars.getByTestId('status-mode').selectOption('arret');
    await ars.getByTestId('status-save').click();
    const system = prefecture.locator('[data-testid="mc-entry"][data-system="true"]').filter({ hasText: "est à l'arrêt" });
    await system.waitFor();
    expect(await system.textContent()).toContain('Claire Martin (ARS)');
    expect(await system.getByTestId('mc-system').count()).toBe(1);
    expect(await system.getByTestId('mc-correct').isDisabled()).toBe(true);
  });
});
