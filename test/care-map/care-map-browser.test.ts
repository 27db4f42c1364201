import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs, watchExternalRequests } from '../helpers/browser.js';

/** Samu of the scenario's GHT (CH Évreux Eure-Seine) and the neighbouring Samu (CHU Rouen). */
const samuEvreux = '270000359';
const samuRouen = '760000158';

async function openCareMap(page: Page): Promise<void> {
  const tab = page.getByTestId('tab-careMap');
  expect(await tab.count(), 'the « Offre de soins » tab (CareOfferSection) must be in client/room/sections.ts').toBe(1);
  await tab.click();
  await page.getByTestId(`marker-${samuEvreux}`).waitFor();
}

describe('care-offer map in a real browser (acceptance 3)', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'ORSAN Cyber — carte de l’offre de soins', scenario: 'cyber-ght-samu-normandie' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the ARS sets the GHT Samu à l’arrêt with a bascule; the Préfecture map shows both live, all offline', async () => {
    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const external = [watchExternalRequests(prefecture), watchExternalRequests(ars)];
    await openCareMap(prefecture);
    await openCareMap(ars);
    const prefMarker = prefecture.getByTestId(`marker-${samuEvreux}`);
    expect(await prefMarker.getAttribute('data-mode')).toBe('normal');
    expect(await prefecture.getByTestId(`bascule-${samuEvreux}-${samuRouen}`).count()).toBe(0);

    await ars.getByTestId(`marker-${samuEvreux}`).click();
    await ars.getByTestId(`card-${samuEvreux}`).waitFor();
    await ars.getByTestId('status-mode').selectOption('arret');
    await ars.getByTestId('status-situation').fill('Rançongiciel : régulation et téléphonie du Centre 15 hors service.');
    await ars.getByTestId('status-save').click();
    await expect.poll(() => ars.getByTestId('card-mode').textContent()).toBe("À l'arrêt");
    await ars.getByTestId('bascule-to').selectOption(samuRouen);
    await ars.getByTestId('bascule-submit').click();

    await expect.poll(() => prefMarker.getAttribute('data-mode')).toBe('arret');
    await prefecture.getByTestId(`bascule-${samuEvreux}-${samuRouen}`).waitFor();
    await expect.poll(() => prefecture.getByTestId('summary-samuEnBascule').getAttribute('data-value')).toBe('1');
    await expect.poll(() => prefecture.getByTestId(`board-entry-${samuEvreux}`).getAttribute('data-mode')).toBe('arret');
    mkdirSync('test-results', { recursive: true });
    await prefecture.screenshot({ path: 'test-results/care-map.png', fullPage: true });

    // The Préfecture sees the card and its history but gets no edit form.
    await prefMarker.click();
    await expect.poll(() => prefecture.getByTestId('card-history').textContent()).toContain('Bascule du 15');
    expect(await prefecture.getByTestId('status-form').count()).toBe(0);
    expect(external.flat()).toEqual([]);
  });
});
