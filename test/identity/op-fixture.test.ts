// The test OP, driven by the stock openid-client 6 the way the relying party will use it: this file is also the
// reference for the relying party's code (discovery, PKCE + state + nonce, acr, userinfo, end_session).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchExternalRequests } from '../helpers/browser.js';
import { proConnectAccount, startTestOp, TEST_IDP_ID, type TamperMode, type TestOp } from '../helpers/oidc-provider.js';
import { confirmLogoutAtOp, signInAtOp } from '../helpers/oidc-browser.js';

/** What the relying party asks ProConnect for: one scope per claim. */
const scope = 'openid given_name usual_name email siret idp_id uid';

/** The relying party's pages, reduced to recording where the OP sends the browser. */
async function startRelyingPartyPages() {
  const waiting = new Map<string, (url: URL) => void>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    waiting.get(url.pathname)?.(url);
    waiting.delete(url.pathname);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>RP</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    /** The next URL the browser opens at `path` on the relying party, query included. */
    nextVisit: (path: string) => new Promise<URL>((resolve) => waiting.set(path, resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An error and its causes, as code and message: the reason is a cause or two down (fetch's, openid-client's). */
function causes(error: unknown): { code: unknown; message: string }[] {
  const chain: { code: unknown; message: string }[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push({ code: 'code' in e ? e.code : undefined, message: e.message });
  return chain;
}

describe('test OP (ProConnect-like) with openid-client as the relying party', () => {
  let rp: Awaited<ReturnType<typeof startRelyingPartyPages>>;
  let op: TestOp;
  let browser: Browser;
  let config: client.Configuration;
  const discover = (auth?: client.ClientAuth, execute = [client.allowInsecureRequests, client.enableNonRepudiationChecks]) =>
    // enableNonRepudiationChecks: openid-client does not check the ID token's signature otherwise (see below).
    client.discovery(new URL(op.issuer), op.clientId, op.clientSecret, auth, { execute });

  beforeAll(async () => {
    rp = await startRelyingPartyPages();
    op = await startTestOp({
      redirectUris: [`${rp.url}/auth/callback`],
      postLogoutRedirectUris: [`${rp.url}/logged-out`],
      accounts: [proConnectAccount('alice.martin', { givenName: 'Alice', usualName: 'Martin', email: 'alice.martin@ars.sante.fr', siret: '13002526500013', organizationalUnit: 'DSP' })],
    });
    browser = await launchBrowser();
    config = await discover();
  });
  afterEach(() => op.tamper('none'));
  afterAll(async () => {
    await browser?.close();
    await op?.close();
    await rp?.close();
  });

  /** Sends a fresh browser to the OP's authorization endpoint, signs in there, and returns where it came back. */
  async function signIn(login: string, using = config): Promise<{ page: Page; callbackUrl: URL; checks: client.AuthorizationCodeGrantChecks; external: string[] }> {
    const pkceCodeVerifier = client.randomPKCECodeVerifier();
    const checks = { pkceCodeVerifier, expectedState: client.randomState(), expectedNonce: client.randomNonce(), idTokenExpected: true };
    const authorizationUrl = client.buildAuthorizationUrl(using, {
      redirect_uri: `${rp.url}/auth/callback`,
      scope,
      code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
      code_challenge_method: 'S256',
      state: checks.expectedState,
      nonce: checks.expectedNonce,
      acr_values: 'eidas1',
    });
    const page = await (await browser.newContext()).newPage();
    const external = watchExternalRequests(page);
    const callback = rp.nextVisit('/auth/callback');
    await page.goto(authorizationUrl.href);
    await signInAtOp(page, login);
    return { page, callbackUrl: await callback, checks, external };
  }

  it('announces ProConnect-like metadata on the proxy address', () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(op.issuer);
    expect(metadata.authorization_endpoint).toBe(`${op.issuer}/auth`);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'given_name', 'usual_name', 'email', 'uid', 'siret', 'idp_id', 'organizational_unit']));
    expect(metadata.scopes_supported).not.toContain('offline_access');
    expect(metadata.acr_values_supported).toEqual(['eidas1']);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(expect.arrayContaining(['client_secret_basic', 'client_secret_post']));
    expect(metadata.end_session_endpoint).toBe(`${op.issuer}/session/end`);
  });

  it('requires PKCE, and keeps its own redirects on the issuer address', async () => {
    const params = { redirect_uri: `${rp.url}/auth/callback`, scope, state: 's', nonce: 'n' };
    const withoutPkce = await fetch(client.buildAuthorizationUrl(config, params), { redirect: 'manual' });
    const refusal = new URL(withoutPkce.headers.get('location') ?? '');
    expect(refusal.origin + refusal.pathname).toBe(`${rp.url}/auth/callback`);
    expect(refusal.searchParams.get('error')).toBe('invalid_request');
    expect(refusal.searchParams.get('error_description')).toMatch(/PKCE/);

    const challenge = await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier());
    const withPkce = await fetch(client.buildAuthorizationUrl(config, { ...params, code_challenge: challenge, code_challenge_method: 'S256' }), { redirect: 'manual' });
    expect(withPkce.status).toBe(303);
    expect(withPkce.headers.get('location')).toMatch(new RegExp(`^(${op.issuer})?/interaction/`));
  });

  it('signs an invited agent in: acr eidas1 in the ID token, the ProConnect claims from userinfo', async () => {
    const { page, callbackUrl, checks, external } = await signIn('alice.martin');
    // The OP's pages import a Google font, which the fixture removes: nothing leaves the machine.
    expect(external).toEqual([]);
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, checks);
    const claims = tokens.claims();
    expect(claims).toMatchObject({ iss: op.issuer, aud: op.clientId, sub: 'alice.martin', acr: 'eidas1', nonce: checks.expectedNonce });

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, 'alice.martin');
    expect(userinfo).toEqual({
      sub: 'alice.martin',
      given_name: 'Alice',
      usual_name: 'Martin',
      email: 'alice.martin@ars.sante.fr',
      siret: '13002526500013',
      idp_id: TEST_IDP_ID,
      uid: 'alice.martin',
      // organizational_unit was not asked for: ProConnect releases a claim only for its own scope.
    });
    await page.context().close();
  });

  it('signs an unlisted login in too (minimal claims), with client_secret_basic this time', async () => {
    const basic = await discover(client.ClientSecretBasic(op.clientSecret));
    const { page, callbackUrl, checks } = await signIn('bob.inconnu', basic);
    const tokens = await client.authorizationCodeGrant(basic, callbackUrl, checks);
    expect(tokens.claims()).toMatchObject({ sub: 'bob.inconnu', acr: 'eidas1' });
    expect(await client.fetchUserInfo(basic, tokens.access_token, 'bob.inconnu')).toEqual({
      sub: 'bob.inconnu',
      email: 'bob.inconnu@example.org',
      given_name: 'bob.inconnu',
      usual_name: 'bob.inconnu',
    });
    await page.context().close();
  });

  // openid-client's ClientError carries a generic message and the code; its cause says which check failed.
  const forgeries: [Exclude<TamperMode, 'none'>, string, RegExp][] = [
    ['wrong-nonce', 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', /ID Token "nonce" claim value/],
    ['expired', 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', /"exp" \(expiration time\) claim value, expiration is past/],
    ['wrong-audience', 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', /"aud" \(audience\) claim value/],
    ['wrong-signature', 'OAUTH_INVALID_RESPONSE', /JWT signature verification failed/],
  ];
  it.each(forgeries)('the relying party refuses a token answer whose ID token is forged: %s', async (mode, code, message) => {
    const { page, callbackUrl, checks } = await signIn('alice.martin');
    op.tamper(mode);
    const refusal = await client.authorizationCodeGrant(config, callbackUrl, checks).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(client.ClientError);
    expect(causes(refusal)).toContainEqual({ code, message: expect.stringMatching(message) });
    await page.context().close();
  });

  it('a wrong signature passes unless enableNonRepudiationChecks is on (openid-client trusts TLS for the token endpoint)', async () => {
    const trusting = await discover(undefined, [client.allowInsecureRequests]);
    const { page, callbackUrl, checks } = await signIn('alice.martin', trusting);
    op.tamper('wrong-signature');
    await expect(client.authorizationCodeGrant(trusting, callbackUrl, checks)).resolves.toBeDefined();
    await page.context().close();
  });

  it('ends the session through end_session with id_token_hint, back at the post-logout redirect URI', async () => {
    const { page, callbackUrl, checks } = await signIn('alice.martin');
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, checks);
    const endSessionUrl = client.buildEndSessionUrl(config, { id_token_hint: tokens.id_token ?? '', post_logout_redirect_uri: `${rp.url}/logged-out`, state: 'bye' });

    const loggedOut = rp.nextVisit('/logged-out');
    await page.goto(endSessionUrl.href);
    await confirmLogoutAtOp(page);
    expect((await loggedOut).searchParams.get('state')).toBe('bye');

    // The OP session is gone: the same browser is asked to sign in again.
    await page.goto(client.buildAuthorizationUrl(config, { redirect_uri: `${rp.url}/auth/callback`, scope, code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }).href);
    await page.locator('input[name="login"]').waitFor();
    await page.context().close();
  });

  it('down() refuses connections (discovery fails), up() answers again on the same address', async () => {
    await op.down();
    const refused = await discover().catch((error: unknown) => error);
    expect(causes(refused).map(({ code }) => code)).toContain('ECONNREFUSED');
    await op.up();
    expect((await discover()).serverMetadata().issuer).toBe(op.issuer);
  });
});
