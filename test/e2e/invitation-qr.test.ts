import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Browser, Locator, Page } from 'playwright-core';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, type TestRoom } from '../helpers/room.js';
import { launchBrowser, openRoomAs } from '../helpers/browser.js';

/**
 * LAN mode (docs/deployment.md): the laptop's own network address, as phones on its hotspot reach it. Not a
 * loopback address, so that the test meets what they meet (plain http on a non-trustworthy origin).
 */
function lanAddress(): string {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal);
  if (!address) throw new Error('no non-loopback IPv4 address on this machine: LAN mode cannot be tried (docs/deployment.md)');
  return address.address;
}

/** PUBLIC_URL must name the port before the server starts, so the port is picked first. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '0.0.0.0', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// jsqr is CommonJS typed as `export default`: from ESM the default import is `module.exports`, whose `default` is the function.
const jsQR = jsQRModule.default;

/** What a phone's camera would read: the element as pixels on screen, decoded. */
async function decodeQr(image: Locator): Promise<string | null> {
  // Visible is not drawn: the screenshot waits until the browser has decoded the image (a loaded machine lags).
  await image.evaluate((img) => (img as HTMLImageElement).decode());
  const png = PNG.sync.read(await image.screenshot());
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

/** Creates an invitation from the animator console's panel, as the director would; returns what the server answered. */
async function createInvitation(page: Page, role: 'player' | 'director', label: string): Promise<{ code: string; url: string }> {
  await page.getByTestId('tab-animator').click();
  const panel = page.getByTestId('invitations');
  await panel.getByTestId('invite-role').selectOption(role);
  await panel.getByTestId('invite-label').fill(label);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && /\/invitations$/.test(new URL(r.url()).pathname));
  await panel.getByTestId('invite-create').click();
  const body = (await (await answer).json()) as { code: string; url: string };
  await expect.poll(() => panel.getByTestId('invitation-code').textContent()).toBe(body.code);
  return body;
}

describe('the join link as a QR code, on a LAN address', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://${lanAddress()}:${port}`;
    server = await startServer({ env: { HOST: '0.0.0.0', PORT: String(port), PUBLIC_URL: base } });
    room = await createRoom(server.url, { scenario: 'demo-court', title: 'Exercice sur point d’accès' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the director creates a player invitation; its QR code, read from the screen, is the join link, and following it joins the room', async () => {
    expect(server.url).toBe(base);
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const created = await createInvitation(director, 'player', 'Cadre de permanence ARS');
    expect(created.url).toBe(`${base}/join/${encodeURIComponent(created.code)}`);

    const qr = director.getByTestId('invitation-qr');
    expect(await qr.getAttribute('data-url')).toBe(created.url);
    const image = qr.getByTestId('invitation-qr-image');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe(`Scanner pour rejoindre : ${created.url}`);
    expect(await qr.textContent()).toContain(`Scanner pour rejoindre : ${created.url}`);
    expect(await director.getByTestId('invitation-text').textContent()).toContain(created.url);
    // A LAN address: no warning that the link only works on this laptop.
    expect(await qr.getByTestId('invitation-qr-loopback').count()).toBe(0);

    const decoded = await decodeQr(image);
    expect(decoded).toBe(created.url);
    // Enlarged for a projected screen, it is still the same link.
    await qr.getByRole('button', { name: 'Agrandir' }).click();
    await expect.poll(() => image.getAttribute('width')).toBe('320');
    expect(await decodeQr(image)).toBe(created.url);

    // A phone that scanned it opens the link and joins with the invitation's cell.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await phone.goto(decoded!);
    await phone.getByLabel(/Votre nom/).fill('Bruno Permanence');
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('exercise-clock').waitFor();
    expect(new URL(phone.url()).origin).toBe(base);
    // The director sees that person in the communications check.
    await expect.poll(() => director.getByTestId('comms-check').textContent()).toContain('Bruno Permanence');
  });

  it("a director invitation's QR code is shown only on request, since whoever scans it directs the room", async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const created = await createInvitation(director, 'director', 'Animateur adjoint');
    expect(await director.getByTestId('invitation-qr').count()).toBe(0);
    await director.getByTestId('invitation-qr-show').click();
    const image = director.getByTestId('invitation-qr-image');
    await image.waitFor();
    expect(await director.getByTestId('invitation-qr').getAttribute('data-url')).toBe(created.url);
    expect(await decodeQr(image)).toBe(created.url);
  });
});

describe('the join link as a QR code, without PUBLIC_URL', () => {
  let server: TestServer;
  let browser: Browser;
  let room: TestRoom;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url, { scenario: 'demo-court' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a link on localhost is encoded as it is, with a warning that other devices cannot open it', async () => {
    const director = await openRoomAs(browser, room, 'director', 'Anne Animatrice');
    const created = await createInvitation(director, 'player', 'Cadre ARS');
    expect(new URL(created.url).hostname).toBe('localhost');
    const qr = director.getByTestId('invitation-qr');
    const image = qr.getByTestId('invitation-qr-image');
    await image.waitFor();
    expect(await decodeQr(image)).toBe(created.url);
    expect(await qr.getByTestId('invitation-qr-loopback').textContent()).toContain('PUBLIC_URL=');
  });
});
