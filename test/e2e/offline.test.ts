import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { callApi, startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs, watchExternalRequests } from '../helpers/browser.js';
import type { RoomEvent } from '../../shared/core/events.js';

/**
 * Offline-first client (issue 15), in Chromium against the real server: the service worker serves the app with no
 * network, the room's state, documents and outbox are in IndexedDB, and reconnecting sends everything once.
 */
describe('offline-first client in a real browser', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer({ env: process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {} });
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice cyber — hors ligne' });
    browser = await launchBrowser();
    const director = await joinAs(room, 'director');
    for (const id of ['D01', 'D02', 'D03']) expect((await director.send('stimulus.injectNow', { id })).ok).toBe(true);
    director.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const roomUrl = () => `${room.url}/room/${encodeURIComponent(room.roomId)}`;
  const serverEvents = async (): Promise<RoomEvent[]> => (await callApi(room.url, 'GET', `/api/rooms/${room.roomId}/events`, undefined, room.directorToken)).body.events;
  const entriesWithText = async (text: string) => (await serverEvents()).filter((e) => e.type === 'mainCourante.entryAdded' && (e.payload as { entry: { text: string } }).entry.text === text);

  /** Opens the room as a player and waits until the service worker has precached the app. */
  async function openPlayer(name: string, cell: string): Promise<{ page: Page; context: BrowserContext }> {
    const page = await openRoomAs(browser, room, 'player', name, cell);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    return { page, context: page.context() };
  }

  /** Offline, then reload: what the device kept is all there is. */
  async function reloadOffline(page: Page): Promise<void> {
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('exercise-clock').waitFor();
    await page.getByTestId('offline-banner').waitFor();
  }

  /** Records kept by y-indexeddb for the room's documents (each local change is one record). */
  const storedDocUpdates = (page: Page) =>
    page.evaluate(async () => {
      let total = 0;
      for (const { name } of await indexedDB.databases()) {
        if (!name?.includes(':doc:')) continue;
        total += await new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const count = db.transaction('updates').objectStore('updates').count();
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
          };
        });
      }
      return total;
    });

  async function writeEntries(page: Page, texts: readonly string[]): Promise<void> {
    await page.getByTestId('tab-main-courante').click();
    const input = page.getByTestId('mc-input');
    for (const text of texts) {
      await input.fill(text);
      await input.press('Enter');
      await expect.poll(() => input.inputValue()).toBe('');
    }
  }

  it('reloads offline with the last state, keeps entries and an acknowledgement through a closed page, and sends them once on reconnection', async () => {
    const { page, context } = await openPlayer('Claire Martin (ARS)', 'ars');
    const external = watchExternalRequests(page);
    await page.getByTestId('tab-inbox').click();
    await page.getByTestId('inbox-item-D02').waitFor();

    await reloadOffline(page);
    const banner = await page.getByTestId('offline-banner').textContent();
    expect(banner).toMatch(/Hors ligne depuis \d{2} h \d{2} \(heure de Paris\)/);
    // The last known state, from this device: the inbox with the injected stimuli.
    await page.getByTestId('tab-inbox').click();
    await expect.poll(() => page.getByTestId('inbox-item-D02').getAttribute('data-acknowledged')).toBe('false');
    // The map opens too: its code was precached, the region's boundaries and establishments kept by the worker.
    await page.getByTestId('tab-careMap').click();
    await page.getByTestId('care-map').waitFor();
    await expect.poll(() => page.locator('[data-testid^="marker-"], .marker-cluster').count()).toBeGreaterThan(0);

    const before = await storedDocUpdates(page);
    await writeEntries(page, ['Hors ligne : appel du CH de Dieppe reçu', 'Hors ligne : messagerie du GHT coupée']);
    await expect.poll(() => storedDocUpdates(page)).toBeGreaterThanOrEqual(before + 2);
    await page.getByTestId('tab-inbox').click();
    await page.getByTestId('inbox-toggle-D02').click();
    await page.getByTestId('ack-D02').click();
    const pending = page.locator('[data-testid="outbox-item"][data-type="stimulus.acknowledge"]');
    await expect.poll(() => pending.getAttribute('data-status')).toBe('pending');
    await expect.poll(() => page.getByTestId('offline-pending-count').textContent()).toContain('1 commande');
    await page.close();

    // Reopened with no network, on a new page: the app comes from the service worker, the rest from IndexedDB.
    const reopened = await context.newPage();
    await reopened.goto(roomUrl());
    await reopened.getByTestId('offline-banner').waitFor();
    await expect.poll(() => reopened.locator('[data-testid="outbox-item"][data-type="stimulus.acknowledge"]').getAttribute('data-status')).toBe('pending');
    await reopened.getByTestId('tab-main-courante').click();
    await expect.poll(() => reopened.locator('[data-testid="mc-entry"][data-pending="true"]').count()).toBe(2);
    expect(await entriesWithText('Hors ligne : appel du CH de Dieppe reçu')).toHaveLength(0);

    await context.setOffline(false);
    await expect.poll(() => reopened.getByTestId('connection-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => reopened.getByTestId('outbox-item').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => reopened.locator('[data-testid="mc-entry"][data-pending="true"]').count(), { timeout: 15_000 }).toBe(0);
    expect(await reopened.getByTestId('offline-banner').count()).toBe(0);

    // On the server: each entry and the acknowledgement exactly once, the entries marked late (written offline).
    const [dieppe, ght] = [await entriesWithText('Hors ligne : appel du CH de Dieppe reçu'), await entriesWithText('Hors ligne : messagerie du GHT coupée')];
    expect(dieppe).toHaveLength(1);
    expect(ght).toHaveLength(1);
    const acks = (await serverEvents()).filter((e) => e.type === 'stimulus.acknowledged' && (e.payload as { id: string }).id === 'D02');
    expect(acks).toHaveLength(1);

    // Another participant sees them: the animator's console and her main courante.
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    await director.getByTestId('tab-animator').click();
    await expect.poll(() => director.getByTestId('chrono-ack-D02-ars').getAttribute('data-acked')).toBe('true');
    await director.getByTestId('tab-main-courante').click();
    await expect.poll(() => director.locator('[data-testid="mc-entry"]', { hasText: 'appel du CH de Dieppe' }).count()).toBe(1);
    await expect.poll(() => director.locator('[data-testid="mc-entry"]', { hasText: 'messagerie du GHT coupée' }).count()).toBe(1);
    expect(external).toEqual([]);
    await director.context().close();
    await context.close();
  });

  it('shows its author a command the server refused on replay, with the reason', async () => {
    const { page, context } = await openPlayer('Claire Martin (ARS)', 'ars');
    await reloadOffline(page);
    await page.getByTestId('tab-inbox').click();
    await page.getByTestId('inbox-toggle-D03').click();
    await page.getByTestId('ack-D03').click();
    await expect.poll(() => page.locator('[data-testid="outbox-item"][data-type="stimulus.acknowledge"]').getAttribute('data-status')).toBe('pending');

    // Meanwhile a colleague of the same cell, online, acknowledges it first.
    const colleague = await joinAs(room, 'player', 'ars');
    expect((await colleague.send('stimulus.acknowledge', { id: 'D03' })).ok).toBe(true);
    colleague.close();

    await context.setOffline(false);
    const refused = page.locator('[data-testid="outbox-item"][data-status="refused"]');
    await refused.waitFor({ timeout: 20_000 });
    expect(await refused.getByTestId('outbox-reason').textContent()).toContain('Réception déjà accusée par votre cellule');
    expect(await refused.textContent()).toContain('Accuser réception');
    // It stays until she has read it.
    await page.reload();
    await page.locator('[data-testid="outbox-item"][data-status="refused"]').waitFor();
    await page.locator('[data-testid="outbox-item"][data-status="refused"]').getByTestId('outbox-drop').click();
    await expect.poll(() => page.getByTestId('outbox-item').count()).toBe(0);
    await page.reload();
    await page.getByTestId('exercise-clock').waitFor();
    expect(await page.getByTestId('outbox').count()).toBe(0);
    await context.close();
  });

  it('two players offline at the same time each write 20 entries; both see the 40, once each in the server log', async () => {
    const players = await Promise.all([openPlayer('Claire Martin (ARS)', 'ars'), openPlayer('Paul Durand (Préfecture)', 'prefecture')]);
    await Promise.all(players.map(({ page }) => reloadOffline(page)));
    const texts = (who: string) => Array.from({ length: 20 }, (_, i) => `${who} hors ligne n° ${i + 1}`);
    await Promise.all(players.map(({ page }, i) => writeEntries(page, texts(i === 0 ? 'ARS' : 'Préfecture'))));
    for (const { page } of players) await expect.poll(() => page.locator('[data-testid="mc-entry"][data-pending="true"]').count()).toBe(20);

    await Promise.all(players.map(({ context }) => context.setOffline(false)));
    for (const { page } of players) {
      await expect.poll(() => page.locator('[data-testid="mc-entry"]', { hasText: 'hors ligne n°' }).count(), { timeout: 30_000 }).toBe(40);
      await expect.poll(() => page.locator('[data-testid="mc-entry"][data-pending="true"]').count(), { timeout: 30_000 }).toBe(0);
    }
    // The log mirrors the main courante once the document has stored it: wait for the 40, then check each is there once.
    const entries = async () => (await serverEvents()).filter((e) => e.type === 'mainCourante.entryAdded').map((e) => (e.payload as { entry: { text: string } }).entry.text);
    await expect.poll(async () => (await entries()).filter((t) => t.includes('hors ligne n°')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(40);
    const logged = await entries();
    for (const text of [...texts('ARS'), ...texts('Préfecture')]) expect(logged.filter((t) => t === text)).toHaveLength(1);
    for (const { context } of players) await context.close();
  });

  it('logging out ends the session and leaves nothing of the room in the browser', async () => {
    const { page, context } = await openPlayer('Claire Martin (ARS)', 'ars');
    await page.getByTestId('tab-main-courante').click();
    const kept = () =>
      page.evaluate(async (roomId) => {
        const prefix = `orsan-room:${encodeURIComponent(roomId)}:`;
        const databases = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(prefix));
        const cached: string[] = [];
        for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) if (request.url.includes(roomId)) cached.push(request.url);
        const stored = Object.keys(localStorage).filter((k) => k.includes(roomId));
        return { databases, cached, stored };
      }, room.roomId);
    await expect.poll(async () => (await kept()).databases.length).toBeGreaterThanOrEqual(2); // the room's, and its documents'
    const token = await page.evaluate((roomId) => (JSON.parse(localStorage.getItem(`orsan-room:session:${roomId}`)!) as { token: string }).token, room.roomId);

    // With a command still pending, she is asked first; declining keeps everything.
    await reloadOffline(page);
    await page.getByTestId('tab-inbox').click();
    await expect.poll(() => page.getByTestId('inbox-item-D01').getAttribute('data-acknowledged')).toBe('false');
    expect(await page.getByTestId('connection-state').getAttribute('data-state')).toBe('offline');
    await page.getByTestId('inbox-toggle-D01').click();
    await page.getByTestId('ack-D01').click();
    await expect.poll(() => page.locator('[data-testid="outbox-item"][data-status="pending"]').count(), { timeout: 15_000 }).toBe(1);
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByTestId('logout').click();
    await expect.poll(() => asked).toHaveLength(1);
    expect(asked[0]).toContain('1 commande en attente');
    expect(await page.getByTestId('outbox-item').count()).toBe(1);
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-item').count(), { timeout: 20_000 }).toBe(0);

    page.once('dialog', (dialog) => void dialog.dismiss().then(() => asked.push('unexpected')));
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/join$/);
    expect(asked).toHaveLength(1);
    expect(await kept()).toEqual({ databases: [], cached: [], stored: [] });
    // The token no longer opens the room (REST, socket): the session is over on the server too.
    expect((await callApi(room.url, 'GET', `/api/rooms/${room.roomId}/events`, undefined, token)).status).toBe(401);
    await page.goto(roomUrl());
    await page.waitForURL(/\/join$/);
    await context.close();
  });
});
