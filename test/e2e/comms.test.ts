import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Acceptance 5 in a browser: two pages co-edit a communiqué, the ARS submits, the Préfecture validates. */
describe('public communication in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    // CLIENT_DIR lets a run use a client built elsewhere; `npm test` builds dist/client first.
    server = await startServer({ env: process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {} });
    room = await createRoom(server.url, { title: 'Exercice cyber — communication' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The editor's text without the other writers' caret labels, which the editor draws inline. */
  const editorText = (page: Page) =>
    page.getByTestId('draft-editor').evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return [...copy.querySelectorAll('p')].map((p) => p.textContent).join('\n');
    });

  it('co-edits a communiqué from two pages with named carets, then validates it as the Préfecture', async () => {
    const ars = await openRoomAs(browser, room, 'player', 'Claire Martin (ARS)', 'ars');
    const prefecture = await openRoomAs(browser, room, 'player', 'Paul Durand (Préfecture)', 'prefecture');
    for (const page of [ars, prefecture]) await page.getByTestId('tab-comms').click();

    await ars.getByTestId('comms-new-title').fill('Communiqué — cyberattaque du GHT');
    await ars.getByTestId('comms-new-create').click();
    await expect.poll(() => prefecture.getByTestId('draft-status').textContent()).toBe('Brouillon');

    await ars.getByTestId('draft-editor').click();
    await ars.keyboard.type('Le GHT fait face à une cyberattaque.');
    await expect.poll(() => editorText(prefecture)).toContain('cyberattaque.');
    await prefecture.getByTestId('draft-editor').click();
    await prefecture.keyboard.press('Control+End');
    await prefecture.keyboard.press('Enter');
    await prefecture.keyboard.type('La continuité des soins est assurée.');
    await expect.poll(() => editorText(ars)).toContain('La continuité des soins est assurée.');
    await expect.poll(async () => (await editorText(ars)) === (await editorText(prefecture))).toBe(true);
    await expect.poll(() => ars.locator('.collaboration-carets__label').allTextContents()).toContain('Paul Durand (Préfecture)');
    // Where the second writer's caret lands is up to the browser; what matters is that both pages hold the same
    // text, with both sentences, and that this very text is what gets sealed and validated.
    const coEdited = await editorText(ars);
    expect(coEdited).toContain('Le GHT fait face à une cyberattaque.');
    expect(coEdited).toContain('La continuité des soins est assurée.');

    await ars.getByTestId('draft-submit').click();
    await expect.poll(() => prefecture.getByTestId('draft-status').textContent()).toBe('Soumis à validation');
    await expect.poll(() => prefecture.getByTestId('draft-sealed').textContent()).toContain('La continuité des soins est assurée.');
    expect(await ars.getByTestId('draft-validate').count()).toBe(0);

    await prefecture.getByTestId('draft-validate').click();
    await expect.poll(() => ars.getByTestId('draft-status').textContent()).toBe('Validé');
    await expect.poll(() => ars.getByTestId('draft-version').count()).toBe(1);

    const runtime = await server.server.rooms.get(room.roomId);
    const version = runtime.state.comms.drafts[0]!.versions[0]!;
    // The server extracts the text from its own copy (paragraph breaks may be rendered differently): same words, same order.
    expect(version.text.replace(/\s+/g, '')).toBe(coEdited.replace(/\s+/g, ''));
    expect(version.text).toContain('La continuité des soins est assurée.');
    expect(version.hash).toBe(sha256(version.text));
    expect(version.validatedBy.name).toBe('Paul Durand (Préfecture)');
    expect(await ars.getByTestId('draft-version').textContent()).toContain(version.hash);
    expect(await ars.getByTestId('draft-editor').getAttribute('contenteditable')).toBe('false');
  });
});
