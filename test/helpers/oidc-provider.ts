import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Provider, { type InteractionResult, type KoaContext, type OidcAccount } from 'oidc-provider';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { startTamperProxy, type TamperMode } from './oidc-tamper-proxy.js';

export type { TamperMode };

/** A person the test OP knows. `claims` are those of the userinfo answer, without `sub` (the login is the sub). */
export interface OpAccount {
  login: string;
  claims: Record<string, unknown>;
}

/** A real OpenID Provider configured like ProConnect, behind a proxy that can forge its ID tokens. */
export interface TestOp {
  /** `http://127.0.0.1:<port>`: the proxy's address, which the OP announces as its issuer. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes the NEXT token responses' id_token forged this way (until reset with 'none'). */
  tamper(mode: TamperMode): void;
  /** Stops answering (connection refused) to test "provider down"; `up()` to restart on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** ProConnect asks one scope per claim, each scope releasing only the claim of the same name. */
const proConnectScopes = ['given_name', 'usual_name', 'email', 'uid', 'siret', 'idp_id', 'organizational_unit'] as const;

/** The identity provider every test account comes from (ProConnect's `idp_id` names the agent's FI). */
export const TEST_IDP_ID = 'orsan-test-idp';

/**
 * Builds an account with the claims ProConnect releases for an agent.
 *
 * @example proConnectAccount('alice.martin', { givenName: 'Alice', usualName: 'Martin', email: 'alice.martin@ars.sante.fr', siret: '13002526500013' })
 */
export function proConnectAccount(login: string, identity: { givenName: string; usualName: string; email: string; siret: string; organizationalUnit?: string }): OpAccount {
  const claims: Record<string, unknown> = {
    email: identity.email,
    given_name: identity.givenName,
    usual_name: identity.usualName,
    siret: identity.siret,
    idp_id: TEST_IDP_ID,
    uid: login,
  };
  if (identity.organizationalUnit !== undefined) claims.organizational_unit = identity.organizationalUnit;
  return { login, claims };
}

/** A login nobody listed still signs in (the relying party must refuse a non-invited identity, not the OP). */
function unlistedClaims(login: string): Record<string, unknown> {
  return { email: `${login}@example.org`, given_name: login, usual_name: login };
}

/**
 * The devInteractions login form finishes the interaction with only an accountId, so the session, and so the ID
 * token (whose `acr` oidc-provider takes from the session, never from the account's claims), would carry no `acr`.
 * Every way a login ends goes through `interactionResult` (interactionFinished calls it), so it stamps the
 * requested level if the OP offers it, else the OP's first level, as ProConnect answers with the level it reached.
 */
function stampAcr(provider: Provider, acrValues: string[]): void {
  const finish = provider.interactionResult.bind(provider);
  provider.interactionResult = async (req: IncomingMessage, res: ServerResponse, result: InteractionResult, options?: { mergeWithLastSubmission?: boolean }) => {
    if (!result.login || result.login.acr) return finish(req, res, result, options);
    const { params } = await provider.interactionDetails(req, res);
    const requested = typeof params.acr_values === 'string' ? params.acr_values.split(' ') : [];
    const acr = requested.find((value) => acrValues.includes(value)) ?? acrValues[0];
    return finish(req, res, { ...result, login: { ...result.login, acr } }, options);
  };
}

/** Every page of oidc-provider imports a Google font: removed, so a browser test sees no request leave the machine. */
async function withoutExternalFonts(ctx: KoaContext, next: () => Promise<void>): Promise<void> {
  await next();
  if (typeof ctx.body === 'string' && ctx.type === 'text/html') ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);?/g, '');
}

/**
 * Starts oidc-provider on 127.0.0.1 (ephemeral port) behind the tamper proxy, with one confidential client.
 * Sign in through its own pages with `signInAtOp` (`./oidc-browser.ts`): any password works.
 */
export async function startTestOp(options: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts: OpAccount[];
  acr?: string[];
  /** Answer userinfo as a signed JWT (RS256), as ProConnect does. */
  signedUserinfo?: boolean;
}): Promise<TestOp> {
  const acrValues = options.acr ?? ['eidas1'];
  const accounts = new Map(options.accounts.map((account) => [account.login, account.claims]));
  const clientId = 'orsan-room-test';
  const clientSecret = randomBytes(24).toString('base64url');

  // A fixed key for this OP's life, kept as a CryptoKey too so the proxy can re-sign with it.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const signingKey = { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' };

  const proxy = await startTamperProxy({ opKey: privateKey, tokenPath: '/token' });
  const provider = new Provider(proxy.url, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        // http on 127.0.0.1 is accepted for a `web` client (only implicit-flow web clients must use https).
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        // oidc-provider 9 treats client_secret_basic and client_secret_post as one registered method: either works.
        token_endpoint_auth_method: 'client_secret_basic',
        ...(options.signedUserinfo ? { userinfo_signed_response_alg: 'RS256' } : {}),
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // No offline_access: ProConnect issues no refresh token.
    scopes: ['openid'],
    // Merged into oidc-provider's defaults (acr, sid, auth_time, iss stay standalone claims; openid releases sub).
    claims: Object.fromEntries(proConnectScopes.map((scope) => [scope, [scope]])),
    acrValues,
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Numbers instead of oidc-provider's default functions, which log a notice each time they are called.
    ttl: { AuthorizationCode: 60, AccessToken: 3600, IdToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true }, jwtUserinfo: { enabled: options.signedUserinfo ?? false } },
    findAccount: (_ctx, login): OidcAccount => {
      const claims = accounts.get(login) ?? unlistedClaims(login);
      return { accountId: login, claims: () => ({ ...claims, sub: login }) };
    },
  });
  stampAcr(provider, acrValues);
  provider.use(withoutExternalFonts);

  const opServer = createServer(provider.callback());
  await new Promise<void>((resolve) => opServer.listen(0, '127.0.0.1', resolve));
  proxy.targetPort = (opServer.address() as AddressInfo).port;

  return {
    issuer: proxy.url,
    clientId,
    clientSecret,
    tamper: (mode) => {
      proxy.mode = mode;
    },
    down: proxy.down,
    up: proxy.up,
    close: async () => {
      await proxy.close();
      opServer.closeAllConnections();
      await new Promise<void>((resolve) => opServer.close(() => resolve()));
    },
  };
}
