import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, startServer, type TestServer } from '../helpers/server.js';
import { createRoom, joinAs, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';
import type { RoomState } from '../../shared/room-state.js';
import { tPlus } from '../../client/app/time.js';

/** The room as its director's REST call returns it: what the server holds, not what a page shows. */
async function serverState(room: TestRoom): Promise<RoomState> {
  const answer = await callApi(room.url, 'GET', `/api/rooms/${room.roomId}/state`, undefined, room.directorToken);
  return answer.body.state;
}

/** Chronogramme rows still due at a time, as the server counts them. */
async function scheduledCount(room: TestRoom): Promise<number> {
  const animator = (await serverState(room)).exercise.animator!;
  return Object.values(animator.items).filter((i) => i.status === 'scheduled').length;
}

/** What the focused element is, by its test id. */
const focused = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);

/** Issue 18, point 3: FINEX, the end of a crisis and a publication are confirmed first, saying what they will do. */
describe('irreversible steps are confirmed in a real browser', () => {
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

  it('FINEX opens a dialog with the stimuli it will cancel; Escape and « Annuler » leave the clock running; confirming ends it and the console says when', async () => {
    const room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — FINEX confirmée' });
    const page = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    await page.getByTestId('tab-animator').click();
    await page.getByTestId('clock-controls').getByRole('button', { name: 'Démarrer (DEBEX)' }).click();
    await expect.poll(async () => (await serverState(room)).clock.status).toBe('running');

    // FINEX stands apart from « Pause pour tous », in the danger style, and opens a modal dialog first.
    const finex = page.getByTestId('clock-end');
    expect(await finex.textContent()).toBe('Terminer (FINEX)');
    expect(await finex.getAttribute('class')).toContain('danger');
    const pause = page.getByRole('button', { name: 'Pause pour tous' });
    const [pauseBox, finexBox] = [await pause.boundingBox(), await finex.boundingBox()];
    expect(finexBox!.x - (pauseBox!.x + pauseBox!.width)).toBeGreaterThan(40);

    await finex.click();
    const dialog = page.getByRole('dialog', { name: 'Terminer l’exercice (FINEX) ?' });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(':modal'))).toBe(true);
    expect(await focused(page)).toBe('confirm-cancel');
    // The figures are the room's: the count follows the server's chronogramme (S01 goes out at DEBEX).
    await expect.poll(async () => (await dialog.textContent())!.includes(`${await scheduledCount(room)} stimuli programmés ne seront pas injectés.`)).toBe(true);
    const text = (await dialog.textContent())!;
    expect(text).toContain('L’horloge d’exercice s’arrête pour tous à T+');
    expect(text).toContain('Les délais de la chaîne d’alerte cessent de courir');
    expect(text).toContain('Irréversible');

    // Escape cancels; so does « Annuler »: the server's clock still runs, focus is back on FINEX.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focused(page)).toBe('clock-end');
    await finex.click();
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverState(room)).clock.status).toBe('running');
    expect(await page.getByTestId('console-next').textContent()).toMatch(/^Prochain :/);

    // Confirmed, it ends the exercise; the console gives the FINEX time instead of a countdown.
    await finex.click();
    await dialog.getByRole('button', { name: 'Terminer (FINEX)' }).click();
    await expect.poll(async () => (await serverState(room)).clock.status).toBe('ended');
    const endedAt = tPlus((await serverState(room)).clock.anchorExercise);
    await expect.poll(() => page.getByTestId('console-next').textContent()).toBe(`Exercice terminé (FINEX à ${endedAt})`);
    expect(await page.getByTestId('console-next').textContent()).not.toContain('Prochain');
    expect(await page.getByTestId('clock-end').count()).toBe(0);
    await page.context().close();
  });

  it('in a crisis room the same button closes the crisis, and says so', async () => {
    const room = await createRoom(server.url, { mode: 'crisis', title: 'Crise — clôture confirmée' });
    const page = await openRoomAs(browser, room, 'director', 'Directrice de crise');
    const close = page.getByTestId('clock-end');
    expect(await close.textContent()).toBe('Clore la crise');
    await close.click();
    const dialog = page.getByRole('dialog', { name: 'Clore la crise ?' });
    await dialog.waitFor();
    const text = (await dialog.textContent())!;
    expect(text).toContain('Clore la crise : la salle est close pour tous');
    expect(text).toContain('L’annuaire de crise ne se modifie plus.');
    expect(text).not.toContain('stimul');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverState(room)).clock.status).toBe('running');
    await page.context().close();
  });

  it('opening the RETEX to the players is confirmed, naming who will read it', async () => {
    const room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — RETEX ouvert' });
    const page = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    await page.getByTestId('tab-retex').click();
    await page.getByTestId('retex-report').waitFor();
    await page.getByTestId('retex-release').click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir le rapport RETEX aux joueurs et observateurs ?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('confirm-cancel');
    const text = (await dialog.textContent())!;
    expect(text).toContain('ARS Normandie — cellule régionale de crise');
    expect(text).toContain('L’exercice n’est pas terminé (FINEX)');
    expect(text).toContain('Irréversible : le rapport ne pourra plus leur être refermé.');

    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await serverState(room)).retex.released).toBe(false);

    await page.getByTestId('retex-release').click();
    await dialog.getByRole('button', { name: 'Ouvrir le rapport aux joueurs' }).click();
    await expect.poll(async () => (await serverState(room)).retex.released).toBe(true);
    await page.context().close();
  });

  it('publishing a validated communiqué is confirmed, naming the version that goes out', async () => {
    const room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Exercice — publication confirmée' });
    // The ARS writes and submits, the Préfecture validates (sockets); an ARS player publishes from the page.
    const [ars, prefecture] = [await joinAs(room, 'player', 'ars'), await joinAs(room, 'player', 'prefecture')];
    expect((await ars.send('comms.createDraft', { kind: 'communique_presse', title: 'Communiqué — cyberattaque du GHT' })).ok).toBe(true);
    const id = (await serverState(room)).comms.drafts.at(-1)!.id;
    expect((await ars.send('comms.submit', { draftId: id })).ok).toBe(true);
    await expect.poll(async () => (await serverState(room)).comms.drafts.find((d) => d.id === id)!.sealed).not.toBeNull();
    const hash = (await serverState(room)).comms.drafts.find((d) => d.id === id)!.sealed!.hash;
    expect((await prefecture.send('comms.validate', { draftId: id, hash })).ok).toBe(true);
    const status = async () => (await serverState(room)).comms.drafts.find((d) => d.id === id)!.status;

    const page = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    await page.getByTestId('tab-comms').click();
    await page.getByTestId(`draft-${id}`).click();
    await page.getByTestId('draft-publish').click();
    const dialog = page.getByRole('dialog', { name: 'Publier « Communiqué — cyberattaque du GHT » ?' });
    await dialog.waitFor();
    expect(await focused(page)).toBe('confirm-cancel');
    const text = (await dialog.textContent())!;
    // The version by its number: the fingerprint is for the audit (« Détails techniques »), not for the person publishing.
    expect(text).toContain('Communiqué de presse : la version 1 validée est publiée telle quelle');
    expect(text).not.toContain(hash.slice(0, 16));
    expect(text).toContain('En exercice, elle est transmise à l’animation');
    expect(text).toContain('Irréversible : une publication ne se retire pas');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await status()).toBe('valide');
    await page.getByTestId('draft-publish').click();
    await dialog.getByRole('button', { name: 'Publier (transmis à l’animation)' }).click();
    await expect.poll(status).toBe('publie');
    for (const c of [ars, prefecture]) c.close();
    await page.context().close();
  });
});
