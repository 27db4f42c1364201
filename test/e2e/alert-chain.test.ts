import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestClient, type TestRoom } from '../helpers/room.js';
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

/** The crisis directory both rooms load: CORRUSS reachable by mail and SMS (personal data: director and players only). */
const corrussContacts = [
  {
    id: 'corruss-1',
    actor: 'corruss',
    name: 'Dr Anne Leroy',
    function: 'Régulation',
    email: 'alerte@corruss.test',
    mobile: '+33612345678',
    landline: '+33140567890',
    rank: 1,
    onCall: [],
    exercise: false,
  },
];
// Whatever the outbox reaches on this machine (no SMTP, no gateway configured here), it is said in words.
const statusWords = /en file|envoi en cours|envoyé à \d{2} h \d{2} \(heure de Paris\)|nouvelle tentative à|échec : |aucun contact joignable/;

describe('outbound alerts in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('in a crisis room the ARS alerts CORRUSS by mail and SMS from the room, and sees each message and its status on the link', async () => {
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise cyber — CH Avranches' });
    const director = await connect(server.url, room.directorToken);
    const loaded = await director.send('directory.import', { contacts: corrussContacts, file: 'annuaire-crise.csv' });
    expect(loaded.ok).toBe(true);
    director.close();

    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await openAlertChain(ars, 'list');
    await ars.getByTestId('alert-ars-corruss').click();
    const form = ars.getByTestId('alert-form-ars-corruss');
    expect(await form.textContent()).toContain('envoyé depuis la salle à Dr Anne Leroy (rang 1)');
    expect(await ars.getByTestId('alert-channel-ars-corruss-mail').isChecked()).toBe(true);
    await ars.getByTestId('alert-channel-ars-corruss-sms').check();
    await ars.getByTestId('alert-template-ars-corruss').selectOption('alerte');
    expect(await ars.getByTestId('alert-message-ars-corruss').inputValue()).toContain('Crise cyber — CH Avranches');
    expect(await ars.getByTestId('preview-subject-ars-corruss').textContent()).toMatch(/^\[ALERTE ORSAN\] Crise cyber — CH Avranches — ARS/);
    expect(await ars.getByTestId('preview-sms-ars-corruss').textContent()).toContain('https://…/ack/…');
    expect(await ars.getByTestId('alert-exercise-note-ars-corruss').count()).toBe(0);
    await ars.getByTestId('alert-submit-ars-corruss').click();

    const lines = ars.getByTestId('notifications-ars-corruss').locator('li');
    await expect.poll(() => lines.count()).toBe(2);
    const texts = await lines.allTextContents();
    expect(texts[0]).toMatch(/^Courriel — Dr Anne Leroy \(rang 1\) : /);
    expect(texts[1]).toMatch(/^SMS — Dr Anne Leroy \(rang 1\) : /);
    for (const text of texts) expect(text).toMatch(statusWords);

    // The telephone as well: the number to dial, and the call recorded on the link.
    await ars.getByTestId('phone-ars-corruss').locator('summary').click();
    expect(await ars.getByTestId('phone-contact-corruss-1').locator('a[href="tel:+33612345678"]').textContent()).toBe('+33 6 12 34 56 78');
    await ars.getByTestId('call-note-ars-corruss').fill('Messagerie vocale');
    await ars.getByTestId('call-ars-corruss-corruss-1-message_laisse').click();
    await expect.poll(() => ars.getByTestId('notifications-ars-corruss').textContent()).toContain('Claire Martin (ARS) → Dr Anne Leroy : Message laissé — Messagerie vocale');

    // The director watches the real outbox under the chain.
    const chief = await openRoomAs(browser, room, 'director', 'Directrice de crise');
    await openAlertChain(chief, 'list');
    await expect.poll(() => chief.getByTestId('outbox').locator('article').count()).toBe(2);
    expect(await chief.getByTestId('outbox').textContent()).toContain('alerte@corruss.test');
  });

  it('in an exercise the animation sees the simulated outbox, plays the acknowledgement, and opts in to the real test only after confirming', async () => {
    const room = await createRoom(server.url, { title: 'Exercice cyber — boîte d’envoi' });
    const director = await connect(server.url, room.directorToken);
    for (const [type, payload] of [
      ['clock.start', {}],
      ['directory.import', { contacts: corrussContacts, file: null }],
    ] as const) {
      const ack = await director.send(type, payload);
      if (!ack.ok) throw new Error(ack.error.message);
    }
    const arsCell = await joinAs(room, 'player', 'ars');
    const alerted = await arsCell.send('alertChain.alert', { linkId: 'ars-corruss', channel: 'mail', channels: ['mail', 'sms'], message: 'Cyberattaque : plan blanc déclenché.' });
    expect(alerted.ok).toBe(true);
    arsCell.close();

    const animator = await openRoomAs(browser, room, 'director', 'Animatrice');
    await animator.getByTestId('tab-animator').click();
    const outbox = animator.getByTestId('outbox');
    await outbox.getByTestId('outbox-n1').waitFor();
    expect(await outbox.locator('h3').textContent()).toBe("Boîte d'envoi simulée");
    expect(await animator.getByTestId('outbox-to-n1').textContent()).toBe('À : Dr Anne Leroy (rang 1) — alerte@corruss.test');
    expect(await animator.getByTestId('outbox-to-n2').textContent()).toBe('À : Dr Anne Leroy (rang 1) — +33612345678');
    expect(await animator.getByTestId('outbox-n1').textContent()).toContain("simulé (boîte d'envoi de l'animation)");
    expect(await animator.getByTestId('outbox-text-n1').textContent()).toMatch(/^Objet : EXERCICE — EXERCICE — EXERCICE \[ALERTE ORSAN\]/);

    await animator.getByTestId('outbox-ack-n1').click();
    await director.waitForEvent((e) => e.type === 'alertChain.acknowledged');
    await expect.poll(() => animator.getByTestId('outbox-ack-n1').isDisabled()).toBe(true);

    expect(await animator.getByTestId('real-test-state').getAttribute('data-on')).toBe('false');
    await animator.getByTestId('real-test-toggle').click();
    expect(await animator.getByTestId('real-test-dialog').textContent()).toContain('EXERCICE — EXERCICE — EXERCICE');
    await animator.getByTestId('real-test-confirm').click();
    await expect.poll(() => animator.getByTestId('real-test-state').getAttribute('data-on')).toBe('true');
    director.close();
  });
});
