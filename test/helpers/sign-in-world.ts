import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './server.js';
import { startTestOp, type OpAccount, type TestOp } from './oidc-provider.js';
import { signInAtOp } from './oidc-browser.js';

/** The provider id the sign-in tests configure: the test OP, set up like ProConnect. */
export const PROVIDER_ID = 'proconnect';

/**
 * A real OpenID Provider (configured like ProConnect, `./oidc-provider.ts`) and the real server registered with it,
 * as an ARS would deploy them: the server's `OIDC_PROVIDERS` names the OP's issuer, the OP knows the server's
 * `/auth/callback` and `/auth/signed-out`. The server's port is chosen first, since each names the other.
 */
export interface SignInWorld {
  op: TestOp;
  srv: TestServer;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startSignInWorld(options: { accounts: OpAccount[]; env?: Record<string, string>; acr?: string[] }): Promise<SignInWorld> {
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const op = await startTestOp({
    redirectUris: [`${base}/auth/callback`],
    postLogoutRedirectUris: [`${base}/auth/signed-out`],
    accounts: options.accounts,
    signedUserinfo: true,
    ...(options.acr ? { acr: options.acr } : {}),
  });
  const providers = [{ id: PROVIDER_ID, label: 'ProConnect', preset: 'proconnect', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret }];
  const srv = await startServer({ env: { PORT: String(port), OIDC_PROVIDERS: JSON.stringify(providers), ...options.env } });
  return {
    op,
    srv,
    async close() {
      await srv.close();
      await op.close();
    },
  };
}

/** `/auth/sign-in` for a room: what the room's sign-in page links to. */
export const roomSignInUrl = (world: SignInWorld, roomId: string) => `${world.srv.url}/auth/sign-in?provider=${PROVIDER_ID}&room=${roomId}`;

/**
 * A fresh browser context signs in to `roomId` as `login` through the OP's pages, as a person would, and stops where
 * the server sends it back (the client's `/signed-in` page, or a refusal page). `callbackUrl`: the provider's answer
 * the browser carried to `/auth/callback`, for replay tests.
 */
export async function signInThroughOp(browser: Browser, world: SignInWorld, start: string, login: string): Promise<{ page: Page; callbackUrl: string; callbackStatus: number; landed: URL }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  let callbackUrl = '';
  let callbackStatus = 0;
  page.on('response', (response) => {
    if (new URL(response.url()).pathname !== '/auth/callback') return;
    callbackUrl = response.url();
    callbackStatus = response.status();
  });
  await page.goto(start);
  await signInAtOp(page, login);
  // The redirect after a good answer commits at `/signed-in`; a refusal is a page at `/auth/callback` itself.
  await page.waitForURL((url) => url.origin === world.srv.url, { waitUntil: 'load' });
  return { page, callbackUrl, callbackStatus, landed: new URL(page.url()) };
}

/** The session token the callback handed the client page in the fragment (`/signed-in#token=…`). */
export function tokenOf(landed: URL): string | null {
  return new URLSearchParams(landed.hash.slice(1)).get('token');
}
