import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

// Issue 18 #6 and #10: every time on screen says its clock, a pause is said in words, the graph speaks French.
describe('clocks in a real browser (Normandie scenario, DEBEX at 08 h 00 simulated)', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let director: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    director = await connect(server.url, room.directorToken);
    for (const [type, payload] of [
      ['clock.start', {}],
      ['clock.jump', { exerciseTime: 50 * 60_000 }],
      ['clock.pause', {}],
    ] as const) {
      const ack = await director.send(type, payload);
      if (!ack.ok) throw new Error(ack.error.message);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    director?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the simulated time of day beside T+, says each stimulus time’s clock, says « EN PAUSE », and labels the graph in French', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const clock = ars.getByTestId('exercise-clock');
    await expect.poll(() => clock.locator('.clock-time').textContent()).toBe('T+00:50:00');
    expect(await ars.getByTestId('clock-of-day').textContent()).toBe('08 h 50 (simulée)');

    // The pause is a word in the banner (and its live region), not only the clock's colour.
    expect(await ars.getByTestId('mode-banner').textContent()).toBe('EXERCICE — EXERCICE — EXERCICE — EN PAUSE');
    expect(await ars.getByTestId('banner-paused').getAttribute('aria-live')).toBe('polite');

    // S01 was injected at DEBEX: its time is on the exercise clock and the scenario's day, the wall time is labelled.
    await ars.getByTestId('tab-inbox').click();
    const time = ars.getByTestId('inbox-item-S01').locator('.stimulus-time');
    expect(await time.textContent()).toBe('T+00:00:00 · 08 h 00 (simulée)');
    expect(await time.getAttribute('title')).toMatch(/^\d{2}:\d{2} \(heure réelle\)$/);

    await ars.getByTestId('tab-alert-chain').click();
    const graph = ars.getByTestId('alert-chain-graph');
    await graph.locator('.react-flow__controls').waitFor();
    expect(await graph.locator('.react-flow__controls').getAttribute('aria-label')).toBe('Commandes du graphe');
    for (const [button, label] of [
      ['zoomin', 'Zoomer'],
      ['zoomout', 'Dézoomer'],
      ['fitview', 'Afficher toute la chaîne'],
    ] as const) {
      const control = graph.locator(`.react-flow__controls-${button}`);
      expect([await control.getAttribute('title'), await control.getAttribute('aria-label')]).toEqual([label, label]);
    }

    const resumed = await director.send('clock.resume');
    expect(resumed.ok).toBe(true);
    await expect.poll(() => ars.getByTestId('mode-banner').textContent()).toBe('EXERCICE — EXERCICE — EXERCICE');
  });
});
