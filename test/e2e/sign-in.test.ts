// Signing in through the client's pages with a real OpenID Provider set up like ProConnect, in Chromium: the
// director and an invited ARS agent get in with their verified names, an intruder is refused, logging out ends
// the provider's session too, and an operator opens a room from her page. Nothing is mocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchExternalRequests } from '../helpers/browser.js';
import { OPERATOR_TOKEN } from '../helpers/server.js';
import { proConnectAccount } from '../helpers/oidc-provider.js';
import { confirmLogoutAtOp, signInAtOp } from '../helpers/oidc-browser.js';
import { startSignInWorld, type SignInWorld } from '../helpers/sign-in-world.js';

const claire = proConnectAccount('claire', { givenName: 'Claire', usualName: 'Bernard', email: 'claire.bernard@ars.sante.fr', siret: '13000766900016', organizationalUnit: 'ARS Normandie' });
const marie = proConnectAccount('marie', { givenName: 'Marie', usualName: 'Dupont', email: 'Marie.Dupont@ars.sante.fr', siret: '13000766900016', organizationalUnit: 'ARS Normandie' });
const sophie = proConnectAccount('sophie', { givenName: 'Sophie', usualName: 'Leroy', email: 'sophie.leroy@ars.sante.fr', siret: '13000766900016', organizationalUnit: 'ARS Normandie' });

let world: SignInWorld;
let browser: Browser;
/** Every page's requests that left the machine, and its uncaught errors: both must stay empty. */
const watched: string[][] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  world = await startSignInWorld({ accounts: [claire, marie, sophie], env: { OPERATOR_EMAILS: 'sophie.leroy@ars.sante.fr' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});

/** A person at her own browser (a fresh context: her own cookies, her own session at the OP). */
async function person(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  watched.push(watchExternalRequests(page));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/** On a sign-in page of the client: the ProConnect button, then the OP's own pages. */
async function signInWithProConnect(page: Page, login: string): Promise<void> {
  await page.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
  await signInAtOp(page, login);
}

describe('signing in through the client pages', () => {
  it('the director and an invited agent sign in with ProConnect, an intruder is refused, logging out ends the provider session', async () => {
    const created = await world.srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Cyber GHT Rouen', access: 'oidc', directorEmail: 'claire.bernard@ars.sante.fr' }, OPERATOR_TOKEN);
    expect(created.status).toBe(201);
    const { roomId, directorUrl } = created.body as { roomId: string; directorUrl: string };

    // The director follows her link: the room's sign-in page, then ProConnect.
    const director = await person();
    await director.goto(directorUrl);
    await signInWithProConnect(director, 'claire');
    await director.getByTestId('exercise-clock').waitFor();
    expect(new URL(director.url()).pathname).toBe(`/room/${roomId}`);
    expect(new URL(director.url()).hash).toBe('');
    expect(await director.locator('.room').getAttribute('data-role')).toBe('director');

    // She invites Marie by e-mail as a player of the ARS cell: no code, the sign-in link.
    await director.getByTestId('tab-animator').click();
    const panel = director.getByTestId('invitations');
    await panel.getByTestId('invite-cell').selectOption('ars');
    await panel.getByTestId('invite-by').selectOption('email');
    await panel.getByTestId('invite-identity').fill('marie.dupont@ars.sante.fr');
    await panel.getByTestId('invite-create').click();
    const link = (await panel.getByTestId('invitation-url').textContent())!;
    expect(link).toBe(`${world.srv.url}/sign-in/${roomId}`);
    expect(await panel.getByTestId('invitation-code').count()).toBe(0);
    await expect.poll(() => panel.locator('.invitation-list').textContent()).toContain('marie.dupont@ars.sante.fr');

    // Marie opens it at her desk and signs in: player of the ARS cell, under her verified name.
    const agent = await person();
    await agent.goto(link);
    await signInWithProConnect(agent, 'marie');
    await agent.getByTestId('exercise-clock').waitFor();
    expect(await agent.locator('.room').getAttribute('data-role')).toBe('player');
    expect(await agent.locator('.room').getAttribute('data-cell')).toBe('ars');
    const me = agent.getByTestId('me');
    expect(await me.textContent()).toContain('Marie Dupont (ARS Normandie)');
    expect(await me.getByTestId('verified-badge').textContent()).toBe('✓ ProConnect · eidas1');
    expect(await me.getByTestId('verified-badge').getAttribute('title')).toBe('vérifié par ProConnect, niveau eidas1');
    const marieThere = (page: Page) => page.getByTestId('presence').locator('[data-testid="presence-name"]', { hasText: 'Marie Dupont (ARS Normandie)' });
    await expect.poll(() => marieThere(agent).getAttribute('data-verified')).toBe('true');
    // The director sees who vouched for her, and, in the communications check, her address.
    await expect.poll(() => marieThere(director).getAttribute('data-verified')).toBe('true');
    expect(await marieThere(director).getByTestId('verified-badge').getAttribute('aria-label')).toBe('vérifié par ProConnect, niveau eidas1');
    await expect.poll(() => director.getByTestId('comms-check').getByTestId('session-identity').allTextContents()).toContain('marie.dupont@ars.sante.fr · ARS Normandie');
    // A reload keeps her signed in: the session is on the device, no new trip to the provider.
    await agent.reload();
    await agent.getByTestId('exercise-clock').waitFor();
    expect(new URL(agent.url()).pathname).toBe(`/room/${roomId}`);
    expect(await agent.getByTestId('me').getByTestId('verified-badge').textContent()).toBe('✓ ProConnect · eidas1');

    // Someone nobody invited signs in as well: the server's refusal page says so.
    const intruder = await person();
    await intruder.goto(link);
    await signInWithProConnect(intruder, 'intrus');
    await intruder.waitForURL((url) => url.origin === world.srv.url, { waitUntil: 'load' });
    expect(await intruder.locator('h1').textContent()).toBe('Aucune invitation de cette salle ne correspond à votre compte');

    // Her session ends (revoked by the director: through REST, the client has no button for one session): she signs
    // in again from the page that says so, and is back in the room (the provider remembers her: no form this time).
    const stored = (page: Page) => page.evaluate((id) => JSON.parse(localStorage.getItem(`orsan-room:session:${id}`)!) as { token: string; sessionId: string }, roomId);
    const revoked = await world.srv.api('DELETE', `/api/rooms/${roomId}/sessions/${(await stored(agent)).sessionId}`, undefined, (await stored(director)).token);
    expect(revoked.status).toBe(200);
    await agent.getByTestId('session-reconnect').click();
    await agent.getByRole('button', { name: 'S’identifier avec ProConnect' }).click();
    await agent.getByTestId('exercise-clock').waitFor();
    expect(await agent.getByTestId('me').textContent()).toContain('Marie Dupont (ARS Normandie)');

    // Marie logs out: her session ends here, then at the provider, which brings her back to the server's page.
    const { token } = await stored(agent);
    await agent.getByTestId('logout').click();
    await confirmLogoutAtOp(agent);
    await agent.waitForURL((url) => url.origin === world.srv.url && url.pathname === '/auth/signed-out');
    expect(await agent.locator('h1').textContent()).toBe('Vous êtes déconnecté(e)');
    expect((await world.srv.api('GET', '/api/session', undefined, token)).status).toBe(401);
    expect(await agent.evaluate((id) => localStorage.getItem(`orsan-room:session:${id}`), roomId)).toBeNull();

    await Promise.all([director, agent, intruder].map((p) => p.context().close()));
    expect(pageErrors).toEqual([]);
    expect(watched.flat()).toEqual([]);
  });

  it('an operator signs in on her page, opens a crisis room that signs in and gets its direction link, then logs out', async () => {
    const operator = await person();
    await operator.goto(`${world.srv.url}/operator`);
    await signInWithProConnect(operator, 'sophie');
    await operator.getByTestId('operator-who').waitFor();
    expect(await operator.getByTestId('operator-who').textContent()).toContain('Sophie Leroy');
    expect(new URL(operator.url()).hash).toBe('');

    const form = operator.getByTestId('create-room');
    await form.getByTestId('create-room-title').fill('Crise cyber CHU de Caen');
    await form.getByTestId('create-room-mode').selectOption('crisis');
    // A crisis room signs in by default when a provider is configured.
    expect(await form.getByTestId('create-room-access').inputValue()).toBe('oidc');
    await form.getByTestId('create-room-director-email').fill('claire.bernard@ars.sante.fr');
    await form.getByTestId('create-room-submit').click();
    const createdRoom = operator.getByTestId('created-room');
    await createdRoom.waitFor();
    const roomId = (await createdRoom.getAttribute('data-room-id'))!;
    expect(await createdRoom.getByTestId('director-url').textContent()).toBe(`${world.srv.url}/sign-in/${roomId}`);
    expect(await createdRoom.getByTestId('director-code').count()).toBe(0);
    await operator.getByTestId(`live-room-${roomId}`).waitFor();

    // She logs out: the operator session ends here and at the provider.
    const token = (await operator.evaluate(() => localStorage.getItem('orsan-room:operator')))!;
    await operator.getByTestId('operator-logout').click();
    await confirmLogoutAtOp(operator);
    await operator.waitForURL((url) => url.origin === world.srv.url && url.pathname === '/auth/signed-out');
    expect((await world.srv.api('GET', '/api/operator/session', undefined, token)).status).toBe(401);
    expect(await operator.evaluate(() => localStorage.getItem('orsan-room:operator'))).toBeNull();

    // A room that does not exist says so on its sign-in page.
    await operator.goto(`${world.srv.url}/sign-in/nosuchroom`);
    await operator.getByTestId('sign-in-unknown-room').waitFor();
    await operator.context().close();

    expect(pageErrors).toEqual([]);
    expect(watched.flat()).toEqual([]);
  });
});
