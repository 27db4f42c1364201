// Sign-in with a real OpenID Provider (configured like ProConnect) and Chromium through its pages: who gets in,
// with which role and name, what the log says about her, and every forged or replayed answer refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.js';
import { OPERATOR_TOKEN } from '../helpers/server.js';
import { connect } from '../helpers/room.js';
import { proConnectAccount } from '../helpers/oidc-provider.js';
import { confirmLogoutAtOp, signInAtOp } from '../helpers/oidc-browser.js';
import { PROVIDER_ID, roomSignInUrl, signInThroughOp, startSignInWorld, tokenOf, type SignInWorld } from '../helpers/sign-in-world.js';
import { appendEntries } from '../../shared/main-courante/doc.js';
import { authorOf, entry, openMainCourante, waitFor } from '../collab/yjs-clients.js';

const ars = '13000766900016';
const marie = proConnectAccount('marie', { givenName: 'Marie', usualName: 'Dupont', email: 'Marie.Dupont@ars.sante.fr', siret: ars, organizationalUnit: 'ARS Normandie' });
const luc = proConnectAccount('luc', { givenName: 'Luc', usualName: 'Petit', email: 'luc.petit@ars.sante.fr', siret: ars, organizationalUnit: 'ARS Normandie' });
const paul = proConnectAccount('paul', { givenName: 'Paul', usualName: 'Martin', email: 'paul.martin@calvados.gouv.fr', siret: '17140001500011', organizationalUnit: 'Préfecture du Calvados' });
const claire = proConnectAccount('claire', { givenName: 'Claire', usualName: 'Bernard', email: 'claire.bernard@ars.sante.fr', siret: ars, organizationalUnit: 'ARS Normandie' });

let world: SignInWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startSignInWorld({ accounts: [marie, luc, paul, claire], env: { OPERATOR_EMAILS: 'claire.bernard@ars.sante.fr' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await world?.close();
});
afterEach(() => world.op.tamper('none'));

async function crisisRoom(access: 'oidc' | 'both' | 'code' = 'oidc') {
  const created = await world.srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Cyber GHT', access, directorEmail: 'claire.bernard@ars.sante.fr' }, OPERATOR_TOKEN);
  expect(created.status).toBe(201);
  return created.body as { roomId: string; directorCode: string | null; directorUrl: string; directorSignInUrl: string | null; access: string };
}

/** Signs in through the OP's pages; the context is closed, the landing kept. */
async function signIn(start: string, login: string) {
  const result = await signInThroughOp(browser, world, start, login);
  const body = await result.page.locator('body').innerText();
  await result.page.context().close();
  return { ...result, body, token: tokenOf(result.landed) };
}

async function directorOf(roomId: string): Promise<string> {
  const { token, landed } = await signIn(roomSignInUrl(world, roomId), 'claire');
  expect(landed.pathname).toBe('/signed-in');
  return token!;
}

const invite = (roomId: string, director: string, body: Record<string, unknown>) => world.srv.api('POST', `/api/rooms/${roomId}/invitations`, body, director);

describe('sign-in with an OpenID provider', () => {
  let room: { roomId: string; directorUrl: string; directorCode: string | null; directorSignInUrl: string | null };
  let director: string;

  beforeAll(async () => {
    room = await crisisRoom();
    director = await directorOf(room.roomId);
    expect((await invite(room.roomId, director, { role: 'player', cell: 'ars', identity: { kind: 'email', value: 'marie.dupont@ars.sante.fr' } })).body.code).toBeNull();
  });

  it('creates a crisis room that signs in: no director code, the room sign-in page instead, the director by her e-mail', async () => {
    expect(room.directorCode).toBeNull();
    expect(room.directorUrl).toBe(`${world.srv.url}/sign-in/${room.roomId}`);
    expect(room.directorSignInUrl).toBe(room.directorUrl);
    const session = await world.srv.api('GET', '/api/session', undefined, director);
    expect(session.body).toMatchObject({ role: 'director', name: 'Claire Bernard (ARS Normandie)' });
    expect((await world.srv.api('GET', `/api/rooms/${room.roomId}/access`)).body).toEqual({
      roomId: room.roomId,
      access: 'oidc',
      providers: [{ id: PROVIDER_ID, label: 'ProConnect', kind: 'proconnect' }],
    });
  });

  it('an invited ARS agent joins as player/ars under her verified name; the session lasts one shift', async () => {
    const { token, landed, callbackStatus } = await signIn(roomSignInUrl(world, room.roomId), 'marie');
    expect(callbackStatus).toBe(303);
    expect(landed.pathname).toBe('/signed-in');
    const session = await world.srv.api('GET', '/api/session', undefined, token!);
    expect(session.body).toMatchObject({
      roomId: room.roomId,
      role: 'player',
      cell: 'ars',
      name: 'Marie Dupont (ARS Normandie)',
      identity: { provider: 'ProConnect', organisation: 'ARS Normandie', acr: 'eidas1' },
    });
    const sessions = await world.srv.api('GET', `/api/rooms/${room.roomId}/sessions`, undefined, director);
    const hers = sessions.body.sessions.find((s: { id: string }) => s.id === session.body.sessionId);
    expect(hers.identity).toMatchObject({ provider: PROVIDER_ID, email: 'marie.dupont@ars.sante.fr', siret: ars, subject: 'marie', acr: 'eidas1' });
    expect(hers.expiresAt - hers.createdAt).toBe(12 * 3_600_000);
    expect(JSON.stringify(sessions.body)).not.toContain('idToken');
  });

  it('refuses an identity no invitation matches, with a page that says so, and opens no session', async () => {
    const before = (await world.srv.api('GET', `/api/rooms/${room.roomId}/sessions`, undefined, director)).body.sessions.length;
    const { token, callbackStatus, body, landed } = await signIn(roomSignInUrl(world, room.roomId), 'intrus');
    expect(landed.pathname).toBe('/auth/callback');
    expect(callbackStatus).toBe(403);
    expect(token).toBeNull();
    expect(body).toContain('Aucune invitation de cette salle ne correspond à votre compte');
    expect(body).toContain('intrus@example.org');
    // An `oidc` room offers no code path on the refusal page; still signed in at the provider, she may switch accounts.
    expect(body).not.toContain("Entrer avec un code d'invitation");
    expect(body).toContain('Se connecter avec un autre compte');
    expect((await world.srv.api('GET', `/api/rooms/${room.roomId}/sessions`, undefined, director)).body.sessions).toHaveLength(before);
  });

  it('matches the most specific invitation: a named person over her domain, a SIRET for the Préfecture', async () => {
    await invite(room.roomId, director, { role: 'observer', identity: { kind: 'domain', value: '@ARS.sante.fr' } });
    await invite(room.roomId, director, { role: 'player', cell: 'prefecture', identity: { kind: 'siret', value: '171 400 015 00011' } });
    const asLuc = await signIn(roomSignInUrl(world, room.roomId), 'luc');
    expect((await world.srv.api('GET', '/api/session', undefined, asLuc.token!)).body).toMatchObject({ role: 'observer', cell: null });
    const asMarie = await signIn(roomSignInUrl(world, room.roomId), 'marie');
    expect((await world.srv.api('GET', '/api/session', undefined, asMarie.token!)).body).toMatchObject({ role: 'player', cell: 'ars' });
    const asPaul = await signIn(roomSignInUrl(world, room.roomId), 'paul');
    expect((await world.srv.api('GET', '/api/session', undefined, asPaul.token!)).body).toMatchObject({ role: 'player', cell: 'prefecture', name: 'Paul Martin (Préfecture du Calvados)' });
  });

  it('refuses a code invitation in a room that signs in, and an identity invitation in a code room', async () => {
    const code = await invite(room.roomId, director, { role: 'player', cell: 'ars' });
    expect(code.status).toBe(403);
    const codeRoom = await crisisRoom('code');
    const codeDirector = (await world.srv.api('POST', '/api/join', { code: codeRoom.directorCode, name: 'Directeur' })).body.token;
    expect((await invite(codeRoom.roomId, codeDirector, { role: 'observer', identity: { kind: 'email', value: 'luc.petit@ars.sante.fr' } })).status).toBe(403);
    // Signing in to a code room is refused before the provider is even asked.
    const response = await fetch(roomSignInUrl(world, codeRoom.roomId), { redirect: 'manual' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('ouvre avec un code d&#39;invitation');
  });

  it('writes the verified identity on every event of the signed-in participant, in the archive and in the RETEX', async () => {
    const { token } = await signIn(roomSignInUrl(world, room.roomId), 'marie');
    const client = await connect(world.srv.url, token!);
    expect(client.welcome.me.verified).toEqual({ provider: 'ProConnect', organisation: 'ARS Normandie', acr: 'eidas1' });
    expect((await client.send('participant.checkIn')).ok).toBe(true);
    const mainCourante = await openMainCourante({ url: world.srv.url, roomId: room.roomId }, token!);
    appendEntries(mainCourante.doc, [entry(await authorOf(world.srv, token!), 'Messagerie du GHT coupée, bascule sur téléphone')]);
    const verified = { provider: 'ProConnect', organisation: 'ARS Normandie', acr: 'eidas1' };
    let events: Array<{ type: string; actor: Record<string, unknown> }> = [];
    await waitFor(async () => {
      events = (await world.srv.api('GET', `/api/rooms/${room.roomId}/events`, undefined, director)).body.events;
      return events.some((e) => e.type === 'mainCourante.entryAdded');
    });
    for (const type of ['participant.checkedIn', 'mainCourante.entryAdded']) {
      expect(events.find((e) => e.type === type)?.actor).toMatchObject({ name: 'Marie Dupont (ARS Normandie)', verified });
    }
    // The e-mail address never reaches the log (every audience, the exported archive).
    const archive = await world.srv.api('GET', `/api/rooms/${room.roomId}/archive`, undefined, director);
    expect(JSON.stringify(archive.body)).toContain('"verified":{"provider":"ProConnect","organisation":"ARS Normandie","acr":"eidas1"}');
    expect(JSON.stringify(archive.body)).not.toContain('marie.dupont@');
    const report = await fetch(`${world.srv.url}/api/rooms/${room.roomId}/report.md`, { headers: { authorization: `Bearer ${director}` } });
    expect(await report.text()).toMatch(/\| Marie Dupont \(ARS Normandie\) \| player \| ars \| vérifié par ProConnect, niveau eidas1 \| \d+ \|/);
    mainCourante.destroy();
    client.close();
  });

  it('logging out revokes the session, closes its sockets and Yjs connections, and hands the provider end-session URL', async () => {
    const { token } = await signIn(roomSignInUrl(world, room.roomId), 'marie');
    const client = await connect(world.srv.url, token!);
    const mainCourante = await openMainCourante({ url: world.srv.url, roomId: room.roomId }, token!);
    const closed = new Promise<void>((resolve) => client.socket.once('disconnect', () => resolve()));
    const out = await world.srv.api('DELETE', `/api/rooms/${room.roomId}/session`, undefined, token!);
    expect(out.body.revoked).toBe(true);
    const end = new URL(out.body.endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${world.op.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${world.srv.url}/auth/signed-out`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await closed;
    await waitFor(() => mainCourante.closes.length > 0);
    expect((await world.srv.api('GET', '/api/session', undefined, token!)).status).toBe(401);
    mainCourante.destroy();
  });

  it('the provider session ends too: its end-session page leads back to the signed-out page', async () => {
    const first = await signInThroughOp(browser, world, roomSignInUrl(world, room.roomId), 'marie');
    const out = await world.srv.api('DELETE', `/api/rooms/${room.roomId}/session`, undefined, tokenOf(first.landed)!);
    await first.page.goto(out.body.endSessionUrl);
    await confirmLogoutAtOp(first.page);
    await first.page.waitForURL(`${world.srv.url}/auth/signed-out`);
    expect(await first.page.locator('h1').innerText()).toBe('Vous êtes déconnecté(e)');
    // Signed out at the provider: a new sign-in asks for the login again.
    await first.page.goto(roomSignInUrl(world, room.roomId));
    await first.page.locator('input[name="login"]').waitFor();
    await first.page.context().close();
  });
});

describe('forged, replayed and unverifiable answers', () => {
  let room: { roomId: string; directorCode: string | null };

  beforeAll(async () => {
    room = await crisisRoom('both');
    const director = await directorOf(room.roomId);
    await invite(room.roomId, director, { role: 'player', cell: 'ars', identity: { kind: 'email', value: 'marie.dupont@ars.sante.fr' } });
  });

  it('a room that takes both: the director has a code too, and a code invitation joins with a typed name', async () => {
    const both = await crisisRoom('both');
    expect(both.directorCode).toBeTruthy();
    expect(both.directorSignInUrl).toBe(`${world.srv.url}/sign-in/${both.roomId}`);
    const byCode = await world.srv.api('POST', '/api/join', { code: both.directorCode, name: 'Directeur de garde' });
    expect(byCode.status).toBe(201);
    const code = await invite(both.roomId, byCode.body.token, { role: 'observer' });
    const observer = await world.srv.api('POST', '/api/join', { code: code.body.code, name: 'Observateur' });
    expect(observer.body).toMatchObject({ role: 'observer', name: 'Observateur', identity: null });
  });

  it('refuses a replayed callback: the state is used up by the first', async () => {
    const { callbackUrl, token } = await signIn(roomSignInUrl(world, room.roomId), 'marie');
    expect(token).toBeTruthy();
    const context = await browser.newContext();
    const page = await context.newPage();
    const replay = await page.goto(callbackUrl);
    expect(replay?.status()).toBe(401);
    expect(await page.locator('h1').innerText()).toBe('Connexion à recommencer');
    await context.close();
  });

  it('refuses a forged state, and an answer carried to another browser (login CSRF)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The provider's answer is kept from reaching the server (DevTools' request interception sees redirect hops,
    // which page.route does not), so its state is still unused.
    let callback = '';
    const cdp = await context.newCDPSession(page);
    cdp.on('Fetch.requestPaused', (paused: { requestId: string; request: { url: string } }) => {
      callback = paused.request.url;
      void cdp.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: 'Aborted' });
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*/auth/callback?*', requestStage: 'Request' }] });
    await page.goto(roomSignInUrl(world, room.roomId));
    void signInAtOp(page, 'marie').catch(() => undefined);
    await waitFor(() => callback !== '');
    await cdp.send('Fetch.disable');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state');
    expect((await page.goto(forged.href))?.status()).toBe(401);
    // A forged state uses nothing up: the genuine answer still works, but only in the browser that started it.
    // The genuine answer, opened in another browser (the victim of a login CSRF): refused, not a session for her.
    const other = await browser.newContext();
    const victim = await other.newPage();
    expect((await victim.goto(callback))?.status()).toBe(401);
    expect(await victim.locator('body').innerText()).toContain('ouverte dans un autre navigateur');
    await other.close();
    const genuine = await page.goto(callback);
    expect(genuine?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/signed-in');
    await context.close();
  });

  for (const [mode, reason] of [
    ['wrong-nonce', /nonce/],
    ['expired', /exp/],
    ['wrong-signature', /signature/],
    ['wrong-audience', /aud/],
  ] as const) {
    it(`refuses an ID token with ${mode}`, async () => {
      world.op.tamper(mode);
      const { callbackStatus, token, body } = await signIn(roomSignInUrl(world, room.roomId), 'marie');
      expect(callbackStatus).toBe(401);
      expect(token).toBeNull();
      expect(body).toContain('Connexion refusée : réponse non vérifiée');
      expect(body).toMatch(reason);
      // A room that takes codes too offers that way in.
      expect(body).toContain("Entrer avec un code d'invitation");
    });
  }

  it('says the provider is down, and offers the code path of a room that takes codes', async () => {
    await world.op.down();
    try {
      const response = await fetch(roomSignInUrl(world, room.roomId), { redirect: 'manual' });
      expect(response.status).toBe(503);
      const page = await response.text();
      expect(page).toContain('ProConnect ne répond pas pour le moment');
      expect(page).toContain(`href="/sign-in/${room.roomId}"`);
    } finally {
      await world.op.up();
    }
    // Back up: the next sign-in works without a restart.
    expect((await signIn(roomSignInUrl(world, room.roomId), 'marie')).token).toBeTruthy();
  });
});

describe('operators by identity', () => {
  it('an operator signs in, creates a room she directs, and logs out; anyone else is refused', async () => {
    const { landed, token } = await signIn(`${world.srv.url}/auth/sign-in?provider=${PROVIDER_ID}&operator=1`, 'claire');
    expect(landed.pathname).toBe('/operator');
    expect((await world.srv.api('GET', '/api/operator/session', undefined, token!)).body).toMatchObject({ name: 'Claire Bernard', email: 'claire.bernard@ars.sante.fr', provider: 'ProConnect' });
    const created = await world.srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Salle de la directrice' }, token!);
    expect(created.status).toBe(201);
    // A crisis room defaults to sign-in when a provider is configured; its director is the operator.
    expect(created.body).toMatchObject({ access: 'oidc', directorCode: null });
    const invitations = await world.srv.api('GET', `/api/rooms/${created.body.roomId}/invitations`, undefined, await directorOf(created.body.roomId));
    expect(invitations.body.invitations[0]).toMatchObject({ role: 'director', identity: { kind: 'email', value: 'claire.bernard@ars.sante.fr' } });
    expect((await world.srv.api('GET', '/api/rooms', undefined, token!)).status).toBe(200);
    const out = await world.srv.api('DELETE', '/api/operator/session', undefined, token!);
    expect(out.body).toMatchObject({ revoked: true, endSessionUrl: expect.stringContaining('/session/end') });
    expect((await world.srv.api('POST', '/api/rooms', { mode: 'exercise', title: 'Après' }, token!)).status).toBe(401);

    const refused = await signIn(`${world.srv.url}/auth/sign-in?provider=${PROVIDER_ID}&operator=1`, 'marie');
    expect(refused.callbackStatus).toBe(403);
    expect(refused.body).toContain("Vous n'êtes pas opérateur de ce serveur");
  });

  it('the operator token must name the director of a room without codes', async () => {
    const res = await world.srv.api('POST', '/api/rooms', { mode: 'crisis', title: 'Sans directeur', access: 'oidc' }, OPERATOR_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('directorEmail');
  });
});
