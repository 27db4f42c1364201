import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const statusOf = (page: Page, id: string) => page.getByTestId(`action-${id}`).getAttribute('data-status');

describe('decisions and actions in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let director: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'Exercice cyber — décisions' });
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

  it('the ARS records a decision with two actions; the Préfecture sees its own and marks it done', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await ars.getByTestId('tab-decisions').click();
    await ars.getByTestId('new-decision').click();
    await ars.getByTestId('decision-title').fill('Déclencher le plan blanc du CH');
    await ars.getByTestId('decision-rationale').fill('SIH indisponible, urgences en mode dégradé.');
    await ars.getByTestId('decision-add-action').click();
    await ars.getByTestId('action-row-0-title').fill('Ouvrir la cellule régionale');
    await ars.getByTestId('action-row-0-due').fill('30');
    await ars.getByTestId('decision-add-action').click();
    await ars.getByTestId('action-row-1-title').fill('Informer le COD');
    await ars.getByTestId('action-row-1-owner').selectOption('prefecture');
    await ars.getByTestId('decision-submit').click();
    await ars.getByTestId('action-A1').waitFor();
    // « Mes actions » of the ARS holds its own action, not the Préfecture's.
    expect(await ars.getByTestId('action-A2').count()).toBe(0);
    expect(await ars.getByTestId('action-A1').textContent()).toContain("heure d'exercice T+00:30:00");
    // On the board the ARS sees the Préfecture's action, but may not close it (the server's reason as tooltip).
    await ars.getByTestId('view-status').click();
    expect(await ars.getByTestId('action-A2-faite').isDisabled()).toBe(true);
    expect(await ars.getByTestId('action-A2-faite').getAttribute('title')).toContain('pilotée par la cellule « prefecture »');

    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    await prefecture.getByTestId('tab-decisions').click();
    await prefecture.getByTestId('action-A2').waitFor();
    expect(await prefecture.getByTestId('action-A2').textContent()).toContain('Informer le COD');
    await prefecture.getByTestId('action-A2-faite').click();
    await expect.poll(() => statusOf(prefecture, 'A2')).toBe('faite');

    // The ARS sees it done on its board.
    await expect.poll(() => statusOf(ars, 'A2')).toBe('faite');
    expect(await ars.getByTestId('column-faite').getByTestId('action-A2').count()).toBe(1);
    await ars.getByTestId('view-decisions').click();
    expect(await ars.getByTestId('decision-D1').textContent()).toContain('Déclencher le plan blanc du CH');
  });
});
