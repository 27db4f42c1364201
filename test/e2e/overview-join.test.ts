import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { callApi, startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, type TestClient, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';
import { dictGet } from '../../shared/core/dict.js';

/** Console errors and uncaught exceptions of a page, from now on. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the join page, a player’s overview, the unreleased RETEX and the evaluator’s tick', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let director: TestClient;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'Cyber GHT — exercice de mars' });
    director = await connect(server.url, room.directorToken);
    expect((await director.send('clock.start')).ok).toBe(true);
    // The animation alerts the ARS duty officer's link to ARS; two hours later ARS has acknowledged nothing.
    expect((await director.send('alertChain.acknowledge', { linkId: 'etab-ars-astreinte' })).ok).toBe(true);
    expect((await director.send('alertChain.alert', { linkId: 'astreinte-ars', message: 'Activation de la cellule régionale.' })).ok).toBe(true);
    expect((await director.send('clock.jump', { exerciseTime: 2 * 3_600_000 })).ok).toBe(true);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    director?.close();
    await browser?.close();
    await server?.close();
  });

  it('names the room, the role and the cell before the name is typed', async () => {
    const inv = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'player', cell: 'prefecture' }, room.directorToken);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${room.url}/join/${encodeURIComponent(inv.body.code)}`);
    await expect.poll(() => page.getByTestId('join-target').textContent()).toContain('« Cyber GHT — exercice de mars »');
    expect(await page.getByTestId('join-target').textContent()).toMatch(/en tant que Joueur, cellule Préfecture de l’Eure/);
    await page.context().close();
  });

  it('shows ARS its unacknowledged stimulus and its late alert-chain link on the overview', async () => {
    const page = await openRoomAs(browser, room, 'player', 'Cadre ARS', 'ars');
    const runtime = await server.server.rooms.get(room.roomId);
    const mine = runtime.state.exercise.inboxOrder.map((id) => dictGet(runtime.state.exercise.inbox, id)!).find((i) => i.recipients.includes('ars'))!;
    expect(mine).toBeDefined();
    await expect.poll(() => page.getByTestId('situation-stimuli').textContent()).toContain(mine.subject);
    await expect.poll(() => page.getByTestId('situation-late').textContent()).toMatch(/Chaîne d’alerte « .*→ ARS.* » : délai dépassé/);
    await page.context().close();
  });

  it('tells a player the RETEX is not published yet, with no error in the console', async () => {
    const page = await openRoomAs(browser, room, 'player', 'Agent préfecture', 'prefecture');
    const errors = consoleErrors(page);
    await page.getByTestId('tab-retex').click();
    await expect.poll(() => page.getByTestId('retex-closed').textContent()).toContain("Le RETEX n'est pas encore publié par l'animation");
    // Long enough for the report's debounced request, had it been made.
    await page.waitForTimeout(600);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets an evaluator tick a criterion in one click and comment it afterwards', async () => {
    const runtime = await server.server.rooms.get(room.roomId);
    const criterion = runtime.state.exercise.observerKit!.grid[0]!.criteria[0]!;
    const page = await openRoomAs(browser, room, 'evaluator', 'Évelyne Évaluatrice');
    await page.getByTestId('tab-evaluation').click();
    const tick = `tick-grille-${criterion.id}`;
    // A controlled box: it turns ticked when the server has recorded the observation.
    await page.getByTestId(`${tick}-box`).first().click();
    await expect.poll(() => page.getByTestId(tick).first().getAttribute('data-observed')).toBe('true');
    await page.getByTestId(`${tick}-comment`).first().click();
    await page.getByTestId(`${tick}-comment-text`).fill('Vu au point de situation\nde 10 h');
    await page.getByTestId(`${tick}-comment-save`).click();
    await expect.poll(() => page.getByTestId(tick).first().textContent()).toContain('Vu au point de situation');
    await page.context().close();
  });
});
