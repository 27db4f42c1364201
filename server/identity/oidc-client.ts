import * as client from 'openid-client';
import { isLoopback, type ProviderConfig } from './provider-config.js';

/**
 * One configured provider, through `openid-client` (certified relying-party library): discovery, the
 * authorization URL (code flow, PKCE S256, state, nonce), the code exchange with every ID token check the
 * library makes (signature against the provider's JWKS, issuer, audience, expiry with `clockToleranceS`, nonce),
 * userinfo for the same subject, and the end-session URL. Discovery is cached once it succeeds; a failure is
 * not, so a provider that comes back is used again without a restart.
 */
export class OidcProviderClient {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    readonly provider: ProviderConfig,
    private readonly clockToleranceS: number,
    private readonly timeoutS = 10,
  ) {}

  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      this.configuration = this.discover();
      this.configuration.catch(() => (this.configuration = null));
    }
    return this.configuration;
  }

  private async discover(): Promise<client.Configuration> {
    const p = this.provider;
    const metadata: Partial<client.ClientMetadata> = {
      ...(p.clientSecret ? { client_secret: p.clientSecret } : {}),
      ...(p.userinfoSignedAlg ? { userinfo_signed_response_alg: p.userinfoSignedAlg } : {}),
      [client.clockTolerance]: this.clockToleranceS,
    };
    const auth = await clientAuthentication(p);
    // http:// is accepted by the configuration schema only on a loopback address (tests, a laptop demo).
    const insecure = p.issuer.protocol === 'http:' && isLoopback(p.issuer.hostname);
    // By default the library trusts the token endpoint's TLS for the ID token's signature; the room checks it
    // anyway (JWKS), since the identity is what every log entry is signed with.
    const execute = [client.enableNonRepudiationChecks, ...(insecure ? [client.allowInsecureRequests] : [])];
    const config = await client.discovery(p.issuer, p.clientId, metadata, auth, { timeout: this.timeoutS, execute });
    config.timeout = this.timeoutS;
    return config;
  }

  /**
   * Whether the provider answers now: its discovery document, with a short timeout. Asked before each sign-in
   * even with the configuration cached, so that a provider that is down is a clear page here, not a browser
   * error page at the provider's address.
   */
  private async probe(): Promise<void> {
    const wellKnown = new URL(`${this.provider.issuer.href.replace(/\/$/, '')}/.well-known/openid-configuration`);
    const response = await fetch(wellKnown, { signal: AbortSignal.timeout(3_000) });
    await response.body?.cancel();
    if (!response.ok) throw new TypeError(`fetch failed: discovery answered ${response.status}`);
  }

  async authorizationUrl(redirectUri: string, checks: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const config = await this.config();
    await this.probe();
    const params: Record<string, string> = {
      redirect_uri: redirectUri,
      scope: this.provider.scopes.join(' '),
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    };
    if (this.provider.acrValues.length > 0) params['acr_values'] = this.provider.acrValues.join(' ');
    return client.buildAuthorizationUrl(config, params);
  }

  /** Exchanges the code of `callbackUrl`; resolves to the validated claims (ID token, then userinfo) and the raw ID token. */
  async complete(callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new client.ClientError('ID token missing');
    let claims: Record<string, unknown> = { ...idClaims };
    if (this.provider.userinfo) {
      // `sub` must be the ID token's: userinfo for someone else is refused by the library.
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    }
    return { claims, idToken: tokens.id_token };
  }

  /** Where to send the browser to end the provider's session too; null if the provider has no end-session endpoint. */
  async endSessionUrl(idTokenHint: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    const config = await this.config();
    if (!config.serverMetadata().end_session_endpoint) return null;
    const params: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirectUri, client_id: this.provider.clientId };
    if (idTokenHint) params['id_token_hint'] = idTokenHint;
    return client.buildEndSessionUrl(config, params).href;
  }
}

async function clientAuthentication(p: ProviderConfig): Promise<client.ClientAuth> {
  switch (p.tokenAuth) {
    case 'client_secret_post':
      return client.ClientSecretPost(p.clientSecret);
    case 'private_key_jwt': {
      const jwk = p.privateKeyJwk as JsonWebKey & { alg?: string; kty?: string; crv?: string };
      const algorithm = jwk.kty === 'EC' ? { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' } : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      const key = await crypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']);
      return client.PrivateKeyJwt(key);
    }
    default:
      return client.ClientSecretBasic(p.clientSecret);
  }
}
