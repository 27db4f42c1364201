import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { connect, createRoom, joinAs, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs, watchExternalRequests } from '../helpers/browser.js';

const run = promisify(execFile);

describe('RETEX report in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice démo — RETEX' });
    const director = await connect(server.url, room.directorToken);
    const ars = await joinAs(room, 'player', 'ars');
    const evaluator = await joinAs(room, 'evaluator');
    await director.send('clock.start');
    await director.send('clock.setSpeed', { speed: 10 });
    await ars.waitForEvent((e) => e.type === 'stimulus.injected');
    await ars.send('stimulus.acknowledge', { id: 'D01' });
    await evaluator.send('evaluation.observeAction', { stimulusId: 'D01', actionId: 'D01-r1', comment: 'Entrée consignée à temps' });
    await director.send('clock.jump', { exerciseTime: 8 * 60_000 });
    await ars.waitForEvent((e) => e.type === 'stimulus.injected' && (e.payload as { item: { id: string } }).item.id === 'D03');
    await evaluator.send('evaluation.scoreObjective', { objectiveId: 'alerte', score: 3, comment: 'Alerte rapide du préfet' });
    await director.send('clock.end');
    for (const c of [director, ars, evaluator]) c.close();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the report, moves the replay slider, and prints a PDF with the timeline and the scores', async () => {
    const page = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const external = watchExternalRequests(page);
    await page.getByTestId('tab-retex').click();
    await page.getByTestId('retex-report').waitFor();
    await expect.poll(() => page.getByTestId('retex-score-alerte').textContent()).toContain('3/');
    await page.locator('[data-testid="retex-timeline"] svg').waitFor();
    // The grid criterion by criterion: ticked at the start, deadline T+00:10 → « tenu », with the tick's comment.
    expect(await page.getByTestId('retex-criterion-G-alerte-1').textContent()).toMatch(
      /T\+00:10:00.*T\+00:00:\d\d \(\d\d h \d\d heure de Paris\), evaluator.*tenu.*evaluator : Entrée consignée à temps/,
    );
    expect(await page.getByTestId('retex-criterion-status-G-com-1').textContent()).toBe('non observé');

    const slider = page.getByTestId('replay-slider');
    const end = await page.getByTestId('replay-time').textContent();
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('replay-time').textContent()).toBe('T+00:00:00');
    expect(await page.getByTestId('replay-counts').textContent()).toMatch(/0 stimulus reçu/);
    for (let i = 0; i < 90; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('replay-time').textContent()).toBe('T+00:01:30');
    expect(await page.getByTestId('replay-counts').textContent()).toMatch(/1 stimulus reçu/);
    expect(end).not.toBe('T+00:00:00');

    mkdirSync('test-results', { recursive: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: 'test-results/retex.pdf', format: 'A4', printBackground: true });
    const { stdout } = await run('pdftotext', ['-layout', 'test-results/retex.pdf', '-']);
    expect(stdout).toMatch(/RETEX — Exercice démo — RETEX/);
    expect(stdout).toMatch(/Chronologie unifiée/);
    expect(stdout).toMatch(/Stimuli/);
    expect(stdout).toMatch(/D01 — La clinique du Val d.Iton signale un rançongiciel/);
    expect(stdout).toMatch(/Grille d'évaluation/);
    expect(stdout).toMatch(/3\/4/);
    expect(stdout).toMatch(/Alerte rapide du préfet/);
    expect(stdout).toMatch(/Critères de la grille, par objectif/);
    expect(stdout).toMatch(/Entrée consignée à temps/);
    expect(external).toEqual([]);
  });
});
