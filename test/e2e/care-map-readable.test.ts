import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const samuEvreux = '270000359';
const samuCaen = '140000209';

/** Whether the marker's centre lies inside the visible map (Leaflet keeps off-screen markers in the DOM). */
async function onScreen(page: Page, marker: Locator): Promise<boolean> {
  const [box, map] = await Promise.all([marker.boundingBox(), page.locator('.cm-map').boundingBox()]);
  if (!box || !map) return false;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  return x >= map.x && x <= map.x + map.width && y >= map.y && y <= map.y + map.height;
}

describe('a readable care map (issue 18 #5)', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('names sites readably, offers Samu by name region first, hides diagnostics from a player, resets to the region, filters markers', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await ars.getByTestId('tab-careMap').click();
    await ars.getByTestId('status-board').waitFor();
    const caen = ars.getByTestId(`marker-${samuCaen}`);
    await caen.waitFor();
    expect(await ars.getByTestId('care-offer').textContent()).not.toContain('lignes de données écartées');
    expect(await ars.getByTestId('care-map-issues').count()).toBe(0);

    // Picking a site in the search zooms on it: Caen leaves the screen.
    await ars.getByTestId('care-map-search').fill(samuEvreux);
    await ars.getByTestId('care-map-search').press('Enter');
    await ars.getByTestId(`card-${samuEvreux}`).waitFor();
    expect(await ars.getByTestId('card-name').textContent()).toBe('CH Evreux CH Eure-Seine');
    expect(await ars.getByTestId('card-finess-name').textContent()).toBe('Nom FINESS : CH EVREUX CH EURE-SEINE');
    expect(await ars.getByTestId('card-samu').textContent()).toContain('SAMU 27');
    await expect.poll(() => onScreen(ars, caen), { timeout: 5000 }).toBe(false);

    const region = await ars.getByTestId('bascule-group-region').locator('option').allTextContents();
    expect(region.map((o) => o.split(' – ')[0])).toEqual(['SAMU 14', 'SAMU 50', 'SAMU 61', 'SAMU 76A', 'SAMU 76B']);
    expect(region[3]).toBe('SAMU 76A – Hôpital Charles Nicolle CHU Rouen');
    const neighbours = await ars.getByTestId('bascule-group-neighbours').locator('option').allTextContents();
    expect(neighbours.length).toBeGreaterThan(0);
    expect(neighbours.every((o) => o.startsWith('SAMU ') && !o.startsWith('SAMU 75'))).toBe(true);

    await ars.getByTestId('care-map-region-view').click();
    await expect.poll(() => onScreen(ars, caen), { timeout: 5000 }).toBe(true);

    await ars.getByTestId('care-map-filters').locator('summary').click();
    await ars.getByTestId('filter-kind-samu').uncheck();
    await expect.poll(() => caen.count(), { timeout: 5000 }).toBe(0);
    // The open card's site stays drawn; the hidden count is said.
    expect(await ars.getByTestId(`marker-${samuEvreux}`).count()).toBe(1);
    await ars.getByTestId('filter-hidden').waitFor();
  });
});
