import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs, watchExternalRequests } from '../helpers/browser.js';

describe('room shell in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { title: 'Exercice cyber — test navigateur' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('two participants of different cells see each other present, live, under the exercise banner', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const external = watchExternalRequests(ars);
    await expect.poll(() => ars.getByTestId('mode-banner').textContent()).toBe('EXERCICE — EXERCICE — EXERCICE');
    await expect.poll(() => ars.getByTestId('connection-state').getAttribute('data-state')).toBe('connected');

    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    await expect.poll(() => ars.getByTestId('presence').textContent()).toContain('Paul Durand (Préfecture)');
    await expect.poll(() => prefecture.getByTestId('presence').textContent()).toContain('Claire Martin (ARS)');
    await expect.poll(() => ars.getByTestId('presence').textContent()).toContain('Préfecture');

    await prefecture.getByTestId('check-in').click();
    await expect.poll(() => ars.getByTestId('check-ins').textContent()).toContain('Paul Durand (Préfecture)');

    await prefecture.context().close();
    await expect.poll(() => ars.getByTestId('presence').textContent(), { timeout: 10_000 }).not.toContain('Paul Durand');
    expect(external).toEqual([]);
  });
});
