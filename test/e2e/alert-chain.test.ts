import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const status = (page: Page) => page.getByTestId('link-ars-prefecture').getAttribute('data-status');

async function openAlertChain(page: Page, view: 'graph' | 'list'): Promise<void> {
  await page.getByTestId('tab-alert-chain').click();
  await page.getByTestId(`alert-chain-view-${view}`).click();
}

describe('alert chain in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let director: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'Exercice cyber — chaîne d’alerte' });
    director = await connect(server.url, room.directorToken);
    const started = await director.send('clock.start');
    if (!started.ok) throw new Error(started.error.message);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    director?.close();
    await browser?.close();
    await server?.close();
  });

  it('the ARS alerts the Préfecture, the Préfecture acknowledges, the ARS sees it acknowledged', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await ars.getByTestId('tab-alert-chain').click();
    await ars.getByTestId('alert-chain-graph').locator('[data-testid="rf__edge-ars-prefecture"]').waitFor();
    await openAlertChain(ars, 'list');
    // The same rules as the server: the ARS cannot acknowledge for the Préfecture, nor alert for the établissement.
    expect(await ars.getByTestId('ack-ars-prefecture').count()).toBe(0);
    expect(await ars.getByTestId('alert-etab-ars-astreinte').count()).toBe(0);
    await ars.getByTestId('alert-ars-prefecture').click();
    await ars.getByTestId('alert-message-ars-prefecture').fill('Cyberattaque au CH : plan blanc déclenché, point COD demandé.');
    await ars.getByTestId('alert-submit-ars-prefecture').click();
    await expect.poll(() => status(ars)).toBe('alerte');
    expect(await ars.getByTestId('alert-ars-prefecture').isDisabled()).toBe(true);

    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    await openAlertChain(prefecture, 'list');
    await expect.poll(() => status(prefecture)).toBe('alerte');
    expect(await prefecture.getByTestId('link-ars-prefecture').textContent()).toContain('point COD demandé');
    await prefecture.getByTestId('ack-ars-prefecture').click();
    await expect.poll(() => status(prefecture)).toBe('accuse');

    await expect.poll(() => status(ars)).toBe('accuse');
    expect(await ars.getByTestId('link-ars-prefecture').textContent()).toContain('Paul Durand (Préfecture)');
    await expect.poll(() => ars.getByTestId('alert-chain-summary').getAttribute('data-alerted')).toBe('1');
    expect(await ars.getByTestId('alert-chain-summary').textContent()).toMatch(/^1\/\d+ acteurs alertés, \d+ en retard$/);
  });

  it('shows the list instead of the graph on a small screen', async () => {
    const page = await openRoomAs(browser, room, 'observer', 'Observatrice');
    await page.setViewportSize({ width: 600, height: 900 });
    await page.getByTestId('tab-alert-chain').click();
    await page.getByTestId('alert-chain-list').waitFor();
    expect(await page.getByTestId('alert-chain-graph').count()).toBe(0);
    expect(await page.getByTestId('link-ars-prefecture').count()).toBe(1);
    expect(await page.getByTestId('alert-ars-prefecture').count()).toBe(0);
  });
});
