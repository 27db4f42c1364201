import { chromium, type Browser, type Page } from 'playwright-core';
import { callApi } from './server.js';
import type { TestRoom } from './room.js';
import type { Role } from '../../shared/core/roles.js';

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls home). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Opens a fresh browser context, follows an invitation link for `role`/`cell`, types the name and
 * enters the room, as a person would. Resolves once the room page shows the clock.
 */
export async function openRoomAs(browser: Browser, room: TestRoom, role: Role, name: string, cell?: string): Promise<Page> {
  let code: string;
  if (role === 'director') {
    const inv = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role: 'director' }, room.directorToken);
    code = inv.body.code;
  } else {
    const inv = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, { role, ...(cell ? { cell } : {}) }, room.directorToken);
    code = inv.body.code;
  }
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${room.url}/join/${encodeURIComponent(code)}`);
  await page.getByLabel(/Votre nom/).fill(name);
  await page.getByTestId('join-submit').click();
  await page.getByTestId('exercise-clock').waitFor();
  return page;
}

/** Records every request a page makes that does not stay on this machine. */
export function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const { hostname, protocol } = new URL(request.url());
    if (protocol === 'data:' || protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) external.push(request.url());
  });
  return external;
}
