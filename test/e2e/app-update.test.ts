import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const builtClient = process.env.CLIENT_DIR ?? join(repo, 'dist/client');

/**
 * A new version deployed while a cell works (issue 15): the open page learns of it and offers it; it never reloads
 * by itself (a form being typed would vanish); the person's click loads it.
 */
describe('a new build is offered, not forced', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let served: string;
  let next: string;

  beforeAll(async () => {
    // The server serves a copy of the current build, which the test then replaces as a deployment would.
    served = await mkdtemp(join(tmpdir(), 'orsan-served-'));
    next = await mkdtemp(join(tmpdir(), 'orsan-next-'));
    await cp(builtClient, served, { recursive: true });
    const building = promisify(execFile)(join(repo, 'node_modules/.bin/vite'), ['build', '--outDir', next, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: repo,
      env: { ...process.env, ORSAN_BUILD_ID: 'version-suivante' },
    });
    server = await startServer({ env: { CLIENT_DIR: served } });
    room = await createRoom(server.url, { title: 'Salle — mise à jour' });
    browser = await launchBrowser();
    await building;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(served, { recursive: true, force: true });
    await rm(next, { recursive: true, force: true });
  });

  it('shows « nouvelle version » without reloading, and loads it on click', async () => {
    const page = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    // The worker takes the page from its first visit: from then on, a new version waits for the person's choice.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
    const firstBuild = await page.evaluate(() => document.documentElement.dataset.build);
    expect(firstBuild).toBeTruthy();
    expect(firstBuild).not.toBe('version-suivante');
    // Something typed, and a marker that a reload would erase.
    await page.getByTestId('tab-main-courante').click();
    await page.getByTestId('mc-input').fill('Saisie en cours, pas encore validée');
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    // Deployed: the files replaced under the running server.
    await rm(served, { recursive: true, force: true });
    await cp(next, served, { recursive: true });
    // What the page does every 15 minutes and when the network comes back: ask for the worker again.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.getByTestId('update-prompt').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('update-prompt').textContent()).toContain('nouvelle version');
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.getByTestId('mc-input').inputValue()).toBe('Saisie en cours, pas encore validée');
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(firstBuild);

    await page.getByTestId('update-reload').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.build), { timeout: 20_000 }).toBe('version-suivante');
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBeUndefined();
    await page.getByTestId('exercise-clock').waitFor();
    await page.context().close();
  });
});
