import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs, watchExternalRequests } from '../helpers/browser.js';

describe('exercise screens in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Démo ORSAN Cyber — test navigateur' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openTab = (page: Page, id: string) => page.getByTestId(`tab-${id}`).click();

  it('the animator injects a stimulus by hand; the ARS player sees it arrive and acknowledges it; the animator sees the acknowledgement', async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const external = [director, ars].map(watchExternalRequests);

    // The player reads the briefing, and the inbox is empty before anything is sent.
    await openTab(ars, 'briefing');
    await expect.poll(() => ars.getByTestId('briefing-title').textContent()).toContain('Démonstration');
    await openTab(ars, 'inbox');
    await ars.getByTestId('inbox-empty').waitFor();
    await expect.poll(() => ars.getByTestId('inbox-badge').getAttribute('data-count')).toBe('0');
    expect(await ars.getByTestId('tab-animator').count()).toBe(0);

    // The animator injects D02 (the clinic's incident report) from the console, clock not started.
    await openTab(director, 'animator');
    const row = director.getByTestId('chrono-D02');
    await expect.poll(() => row.getAttribute('data-status')).toBe('scheduled');
    await director.getByTestId('inject-D02').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('injected');
    await expect.poll(() => director.getByTestId('chrono-ack-D02-ars').getAttribute('data-acked')).toBe('false');

    // It reaches the ARS player's inbox, highlighted and counted in the header badge.
    const card = ars.getByTestId('inbox-item-D02');
    await card.waitFor();
    await expect.poll(() => card.getAttribute('data-acknowledged')).toBe('false');
    expect(await card.textContent()).toContain('Fiche de signalement');
    expect(await card.locator('[data-channel="mail"]').count()).toBe(1);
    await expect.poll(() => ars.getByTestId('inbox-badge').getAttribute('data-count')).toBe('1');

    // Folded to one line until opened: the actions are inside.
    await ars.getByTestId('inbox-toggle-D02').click();
    await ars.getByTestId('ack-D02').click();
    await expect.poll(() => card.getAttribute('data-acknowledged')).toBe('true');
    await expect.poll(() => ars.getByTestId('inbox-badge').getAttribute('data-count')).toBe('0');
    expect(await ars.getByTestId('ack-D02').isDisabled()).toBe(true);

    // The animator sees the acknowledgement in the row and in the players' feed, with the player's name.
    await expect.poll(() => director.getByTestId('chrono-ack-D02-ars').getAttribute('data-acked')).toBe('true');
    const feed = director.getByTestId('feed-ack-D02-ars');
    await feed.waitFor();
    expect(await feed.textContent()).toContain('Claire Martin (ARS)');

    // A stimulus not yet sent never reached the player.
    expect(await ars.getByTestId('inbox-item-D03').count()).toBe(0);
    expect(external.flat()).toEqual([]);
  });

  it("the player replies to the sender; the animator answers in the simulated actor's name with an ad hoc stimulus", async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await openTab(director, 'animator');
    await director.getByTestId('inject-D03').click();
    await openTab(ars, 'inbox');
    await ars.getByTestId('inbox-toggle-D03').click();
    await ars.getByTestId('reply-D03').click();
    await ars.getByTestId('reply-text-D03').fill('Combien de patients ? Nous appelons le Samu.');
    await ars.getByTestId('reply-send-D03').click();
    await expect.poll(() => ars.getByTestId('trace-D03').textContent()).toContain('Combien de patients ?');

    await director.getByTestId('answer-D03-ars').click();
    await director.getByTestId('adhoc-content').fill('Une douzaine, dont deux en urgence absolue.');
    await director.getByTestId('adhoc-send').click();

    const answer = ars.getByTestId('inbox-item-AH01');
    await answer.waitFor();
    await ars.getByTestId('inbox-toggle-AH01').click();
    const text = await answer.textContent();
    expect(text).toContain('RE : Afflux aux urgences');
    expect(text).toContain('en réponse à D03');
    expect(text).toContain('Hôpital privé Pasteur');
    await expect.poll(() => director.getByTestId('chrono-AH01').getAttribute('data-status')).toBe('injected');
  });

  it('rings when a stimulus reaches the cell (WebAudio, no file), and stays silent once muted', async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    const external = [director, prefecture].map(watchExternalRequests);
    // Count the tones the page synthesises; reload so the counter is installed before the app starts.
    await prefecture.context().addInitScript(() => {
      const w = window as unknown as { tones: number };
      w.tones = 0;
      const original = AudioContext.prototype.createOscillator;
      AudioContext.prototype.createOscillator = function (this: AudioContext) {
        w.tones += 1;
        return original.call(this);
      };
    });
    await prefecture.reload();
    await openTab(prefecture, 'inbox'); // a click: browsers only let a page play sound after a gesture
    const tones = () => prefecture.evaluate(() => (window as unknown as { tones: number }).tones);

    await openTab(director, 'animator');
    await director.getByTestId('inject-D05').click();
    await prefecture.getByTestId('inbox-item-D05').waitFor();
    await expect.poll(tones).toBeGreaterThan(0);

    const before = await tones();
    await prefecture.getByTestId('sound-toggle').click();
    expect(await prefecture.getByTestId('sound-toggle').getAttribute('aria-pressed')).toBe('true');
    await director.getByTestId('inject-D06').click();
    await prefecture.getByTestId('inbox-item-D06').waitFor();
    await expect.poll(() => prefecture.getByTestId('inbox-badge').getAttribute('data-count')).toBe('2');
    expect(await tones()).toBe(before);
    expect(external.flat()).toEqual([]);
  });
});
