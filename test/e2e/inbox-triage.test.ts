import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, tokenFor, type TestClient, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

/** Issue 18 #4: an inbox that copes with volume — triage, folded cards, arrival notice, assignment. */
describe('the stimuli inbox under volume, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let director: TestClient;
  let marc: TestClient;

  const inject = async (subject: string, channel: string, content: string) => {
    const ack = await director.send('stimulus.create', { sender: 'medias', recipients: ['ars'], channel, subject, content, injectNow: true });
    expect(ack).toMatchObject({ ok: true });
  };

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie' });
    browser = await launchBrowser();
    director = await connect(server.url, room.directorToken);
    marc = await connect(server.url, await tokenFor(room, 'player', 'ars', 'Marc Leroy (ARS)'));
    await inject('Appel de France Bleu', 'telephone', 'Confirmez-vous une cyberattaque au GHT ?');
    await inject('Question du préfet', 'mail', 'Le préfet demande un point de situation avant 11 h.');
    await inject('Rumeur sur les réseaux', 'reseaux_sociaux', 'Des patients évoquent des annulations de dialyse.');
    // Marc, of the same cell, acknowledges the first one (AH01).
    await marc.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: { id: string } }).item.id === 'AH03');
    expect(await marc.send('stimulus.acknowledge', { id: 'AH01' })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    for (const c of [director, marc]) c?.close();
    await browser?.close();
    await server?.close();
  });

  it('folds cards, triages (« Non accusés », search), notifies an arrival and shows an assignment', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await ars.getByTestId('tab-inbox').click();

    // « Non accusés » by default: the stimulus Marc acknowledged is not there; « Tous » has it.
    await ars.getByTestId('inbox-item-AH03').waitFor();
    expect(await ars.getByTestId('inbox-view-unacknowledged').getAttribute('aria-pressed')).toBe('true');
    expect(await ars.getByTestId('inbox-item-AH01').count()).toBe(0);
    expect(await ars.getByTestId('inbox-view-unacknowledged').textContent()).toBe('Non accusés (2)');
    expect(await ars.getByTestId('inbox-view-all').textContent()).toBe('Tous (3)');

    // One line per card: subject and status in words, the content only once opened.
    const card = ars.getByTestId('inbox-item-AH02');
    expect(await card.getAttribute('data-expanded')).toBe('false');
    expect(await card.textContent()).toContain('Question du préfet');
    expect(await card.textContent()).toContain('Nouveau — à accuser');
    expect(await card.textContent()).not.toContain('point de situation');

    // Search narrows to one card (accents ignored, content searched).
    await ars.getByTestId('inbox-view-all').click();
    await ars.getByTestId('inbox-item-AH01').waitFor();
    await ars.getByTestId('inbox-search').fill('dialyse');
    await expect.poll(() => ars.locator('[data-testid^="inbox-item-"]').count()).toBe(1);
    expect(await ars.getByTestId('inbox-item-AH03').count()).toBe(1);
    await ars.getByTestId('inbox-search').fill('');

    // A new stimulus: a notice names it, in a polite live region, and can be closed.
    await inject('Appel du CH de Dieppe', 'telephone', 'Nos urgences saturent.');
    const toast = ars.getByTestId('toast-AH04');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('Appel du CH de Dieppe');
    expect(await ars.getByTestId('stimulus-toasts').getAttribute('aria-live')).toBe('polite');
    await ars.getByTestId('toast-dismiss-AH04').click();
    await expect.poll(() => toast.count()).toBe(0);

    // Opened with the keyboard, the card shows its content and actions; Claire assigns it to Marc.
    await ars.getByTestId('inbox-toggle-AH02').focus();
    await ars.keyboard.press('Enter');
    await expect.poll(() => card.getAttribute('data-expanded')).toBe('true');
    expect(await card.textContent()).toContain('point de situation');
    await ars.getByTestId('assign-AH02').selectOption({ label: 'Marc Leroy (ARS)' });
    await expect.poll(() => ars.getByTestId('assignee-AH02').textContent()).toBe('Attribué à Marc Leroy (ARS)');
    const assigned = await marc.waitForEvent((e) => e.type === 'stimulus.assigned');
    expect(assigned.payload).toMatchObject({ id: 'AH02', assignee: { name: 'Marc Leroy (ARS)' } });
  });

  it('« Relier » picks the main-courante entry from the recent ones (time, author, first words), no number typed', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await ars.getByTestId('tab-main-courante').click();
    const input = ars.getByTestId('mc-input');
    await input.fill('Point de situation transmis au préfet à 10 h 40');
    await input.press('Enter');
    await expect.poll(() => input.inputValue()).toBe('');

    await ars.getByTestId('tab-inbox').click();
    await ars.getByTestId('inbox-toggle-AH02').click();
    await ars.getByTestId('link-AH02').click();
    const picker = ars.getByTestId('link-entry-AH02');
    await expect.poll(() => picker.locator('option').count()).toBe(2);
    const option = (await picker.locator('option').nth(1).textContent()) ?? '';
    expect(option).toMatch(/Claire Martin \(ARS\) — Point de situation transmis au préfet/);
    await picker.selectOption({ index: 1 });
    await ars.getByTestId('link-send-AH02').click();
    await expect.poll(() => ars.getByTestId('trace-AH02').textContent()).toContain('Point de situation transmis au préfet à 10 h 40');
  });
});
