import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { startServer } from '../helpers/server.js';
import { connect, createRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

it('debug overflow', async () => {
  const server = await startServer();
  const room = await createRoom(server.url, { scenario: 'cyber-ght-samu-normandie', title: 'x' });
  const d = await connect(server.url, room.directorToken);
  await d.send('clock.start'); await d.send('retex.release'); d.close();
  const browser = await launchBrowser();
  const out: string[] = [];
  for (const [role, cell, tabs] of [['director', undefined, ['animator']]] as const) {
    const page = await openRoomAs(browser, room, role, 'X Y', cell);
    await page.setViewportSize({ width: 390, height: 844 });
    for (const tab of tabs) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForLoadState('networkidle');
      const wide = await page.evaluate(() => {
        const res: string[] = [];
        for (const el of Array.from(document.querySelectorAll('body *'))) {
          const r = el.getBoundingClientRect();
          let clipped = false;
          for (let a = el.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o !== 'visible') { clipped = true; break; } }
          if (!clipped && r.right > 390.5 && r.width > 0) {
            const kids = false;
            if (!kids) res.push(`${el.tagName}.${(el.className && typeof el.className === 'string') ? el.className : ''}[${el.getAttribute('data-testid') ?? ''}] w=${Math.round(r.width)} right=${Math.round(r.right)} text=${(el.textContent ?? '').slice(0, 40)}`);
          }
        }
        return res.slice(0, 30);
      });
      const ov = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      out.push(`== ${role} ${tab} overflow=${ov}`, ...wide);
    }
  }
  writeFileSync('/tmp/overflow.txt', out.join('\n'));
  await browser.close(); await server.close();
}, 200000);
