import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

const editorChunk = /\/assets\/RichTextEditor-[^/]*\.js$/;

/** The one collaborative editor (client/collab-ui): out of the main bundle, loaded on first use, shared by the RETEX. */
describe('lazy collaborative rich-text editor', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer({ env: process.env.CLIENT_DIR ? { CLIENT_DIR: process.env.CLIENT_DIR } : {} });
    room = await createRoom(server.url, { title: 'Exercice — éditeur partagé' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps TipTap and ProseMirror out of the entry script the server serves', async () => {
    const html = await (await fetch(`${server.url}/`)).text();
    const entry = /<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const script = await (await fetch(`${server.url}${entry}`)).text();
    expect(script.length).toBeGreaterThan(100_000);
    expect(script.match(/ProseMirror/g)?.length ?? 0).toBe(0);
  });

  it('loads its chunk only when the RETEX shows the editors, then co-edits the strengths from two pages', async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const evaluator = await openRoomAs(browser, room, 'evaluator', 'Éric Évaluateur');
    // Every script the page fetched since it opened, from the browser's own resource timing.
    const editorChunks = async () => {
      const paths = await director.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      return paths.filter((path) => editorChunk.test(path));
    };
    expect(await editorChunks()).toEqual([]);

    for (const page of [director, evaluator]) await page.getByTestId('tab-retex').click();
    const strengths = director.getByTestId('retex-strengths');
    await strengths.waitFor();
    expect(await editorChunks()).toHaveLength(1);
    expect(await strengths.getAttribute('aria-label')).toBe('Points forts');
    expect(await strengths.getAttribute('contenteditable')).toBe('true');

    await strengths.click();
    await director.keyboard.type('Alerte du préfet en moins de dix minutes.');
    await expect.poll(() => evaluator.getByTestId('retex-strengths').textContent()).toContain('Alerte du préfet en moins de dix minutes.');
  });
});
