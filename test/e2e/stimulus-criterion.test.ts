import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

/** The demo's D01 row carries a « critère d'évaluation » and an expected action serving two objectives. */
describe('a chronogramme row as the animator reads it', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Critère d’évaluation — test navigateur' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the row's evaluation criterion and every objective an expected action serves", async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    await director.getByTestId('tab-animator').click();
    await director.getByTestId('chrono-D01').locator('button.expander').click();
    const details = director.getByTestId('details-D01');
    await expect.poll(() => director.getByTestId('criterion-D01').textContent()).toBe("Critère d'évaluation : Signalement consigné et Préfecture prévenue dans les 10 premières minutes");
    await expect.poll(() => details.locator('.expected-actions li').nth(1).textContent()).toContain('Chaîne d’alerte, Communication publique');
  });
});
