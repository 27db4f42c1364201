import * as client from 'openid-client';
import { DomainError } from '../../shared/core/errors.js';
import { acceptsIdentities, type RoomAccess } from '../../shared/identity/access-policy.js';
import type { VerifiedIdentity } from '../../shared/identity/identity.js';
import type { ProviderSummary, SignInIntent } from '../../shared/identity/rest.js';
import type { AccessService } from '../access/access-service.js';
import { hashSecret } from '../access/secrets.js';
import type { WallClock } from '../access/wall-clock.js';
import type { AccessStore } from '../store/types.js';
import { ClaimsError, identityFromClaims } from './claims.js';
import { OidcProviderClient } from './oidc-client.js';
import type { ProviderConfig } from './provider-config.js';
import { SignInRefusal } from './sign-in-refusal.js';

/** How long a person has on the provider's pages before the sign-in must start again. */
export const loginTtlMs = 10 * 60_000;

export interface SignInDeps {
  providers: readonly ProviderConfig[];
  clockToleranceS: number;
  access: AccessService;
  store: Pick<AccessStore, 'createLogin' | 'consumeLogin'>;
  operatorEmails: readonly string[];
  /** This service's `/auth/callback` address, as registered with the providers (from PUBLIC_URL). */
  redirectUri: () => string;
  /** Where the provider sends the browser back after its own logout (`/auth/signed-out`, registered too). */
  postLogoutUri: () => string;
  clock: WallClock;
  /** A room's access policy; `not_found` if there is no such room. */
  policyOf: (roomId: string) => Promise<RoomAccess>;
}

/** Where a completed sign-in leads: a room session, or an operator session. The token is shown once. */
export type SignedIn = { kind: 'room'; roomId: string; token: string } | { kind: 'operator'; token: string };

/**
 * The sign-in flow (authorization code + PKCE). `start` remembers the `state` (hashed with the browser's own
 * secret, so that an answer carried to another browser is refused: login CSRF), the nonce and the PKCE
 * verifier in the shared store (any instance may receive the callback); `complete` uses that login up once,
 * lets the library validate the provider's answer, reads the identity, and opens the session.
 */
export class SignInService {
  private readonly clients: Map<string, OidcProviderClient>;

  constructor(private readonly deps: SignInDeps) {
    this.clients = new Map(deps.providers.map((p) => [p.id, new OidcProviderClient(p, deps.clockToleranceS)]));
  }

  get configured(): boolean {
    return this.clients.size > 0;
  }

  summaries(): ProviderSummary[] {
    return this.deps.providers.map((p) => ({ id: p.id, label: p.label, kind: p.kind }));
  }

  private clientOf(providerId: string, intent: SignInIntent | null): OidcProviderClient {
    const found = this.clients.get(providerId);
    if (!found) throw new SignInRefusal('unavailable', `Fournisseur d'identité « ${providerId} » inconnu sur ce serveur.`, intent, null);
    return found;
  }

  /** The provider's authorization URL for this sign-in; `browserSecret` is the caller's sign-in cookie. */
  async start(providerId: string, intent: SignInIntent, browserSecret: string): Promise<URL> {
    const oidc = this.clientOf(providerId, intent);
    if (intent.kind === 'room') await this.checkRoom(intent.roomId, intent, providerId);
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const url = await this.guard(intent, providerId, () => oidc.authorizationUrl(this.deps.redirectUri(), { state, nonce, codeVerifier }));
    const now = this.deps.clock.now();
    await this.deps.store.createLogin(loginKey(state, browserSecret), { provider: providerId, codeVerifier, nonce, intent, createdAt: now, expiresAt: now + loginTtlMs });
    return url;
  }

  /** Completes the sign-in the provider sent the browser back from (`callbackUrl`: the full URL, with its query). */
  async complete(callbackUrl: URL, browserSecret: string | undefined): Promise<SignedIn> {
    const state = callbackUrl.searchParams.get('state');
    const login = state && browserSecret ? await this.deps.store.consumeLogin(loginKey(state, browserSecret), this.deps.clock.now()) : null;
    if (!login || !state) {
      throw new SignInRefusal('state', 'Cette réponse de connexion est inconnue, déjà utilisée, expirée ou ouverte dans un autre navigateur. Recommencez la connexion.', null, null);
    }
    const { intent } = login;
    const error = callbackUrl.searchParams.get('error');
    if (error) {
      const description = callbackUrl.searchParams.get('error_description');
      throw new SignInRefusal('cancelled', `Connexion interrompue chez le fournisseur (${error}${description ? ` : ${description.slice(0, 200)}` : ''}).`, intent, login.provider);
    }
    const oidc = this.clientOf(login.provider, intent);
    const { claims, idToken } = await this.guard(intent, login.provider, () => oidc.complete(callbackUrl, { state, nonce: login.nonce, codeVerifier: login.codeVerifier }));
    const identity = this.identityOf(oidc.provider, claims, intent);
    if (intent.kind === 'operator') {
      if (!identity.email || !this.deps.operatorEmails.includes(identity.email)) {
        const switchUrl = await this.endSessionUrl(identity, idToken, this.deps.postLogoutUri());
        throw new SignInRefusal('not_operator', `${identity.email ?? identity.name} n'est pas opérateur de ce serveur (OPERATOR_EMAILS).`, intent, login.provider, switchUrl);
      }
      const { token } = await this.deps.access.openOperatorSession(identity, idToken);
      return { kind: 'operator', token };
    }
    await this.checkRoom(intent.roomId, intent, login.provider);
    try {
      const { token } = await this.deps.access.joinWithIdentity(intent.roomId, identity, idToken);
      return { kind: 'room', roomId: intent.roomId, token };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'forbidden') {
        // Still signed in at the provider, a retry would come back as the same person: offer to switch accounts.
        const switchUrl = await this.endSessionUrl(identity, idToken, this.deps.postLogoutUri());
        throw new SignInRefusal(
          'not_invited',
          `Aucune invitation de cette salle ne correspond à ${describe(identity)}. Demandez au directeur de crise de vous inviter (adresse e-mail, domaine ou SIRET).`,
          intent,
          login.provider,
          switchUrl,
        );
      }
      throw error;
    }
  }

  /** The provider's end-session URL for a signed-in session, or null (no endpoint, or the provider does not answer). */
  async endSessionUrl(identity: VerifiedIdentity | null, idTokenHint: string | null, postLogoutRedirectUri: string): Promise<string | null> {
    const oidc = identity ? this.clients.get(identity.provider) : undefined;
    if (!oidc) return null;
    try {
      return await oidc.endSessionUrl(idTokenHint, postLogoutRedirectUri);
    } catch {
      // The session is revoked here already; a provider that does not answer keeps its own session, no more.
      return null;
    }
  }

  private identityOf(provider: ProviderConfig, claims: Record<string, unknown>, intent: SignInIntent): VerifiedIdentity {
    let identity: VerifiedIdentity;
    try {
      identity = identityFromClaims(provider, claims);
    } catch (error) {
      if (error instanceof ClaimsError) throw new SignInRefusal('claims', `Identité incomplète : ${error.message}.`, intent, provider.id);
      throw error;
    }
    if (provider.acrValues.length > 0 && (identity.acr === null || !provider.acrValues.includes(identity.acr))) {
      throw new SignInRefusal('acr', `Niveau d'authentification insuffisant (${identity.acr ?? 'aucun'} ; attendu : ${provider.acrValues.join(' ou ')}).`, intent, provider.id);
    }
    return identity;
  }

  private async checkRoom(roomId: string, intent: SignInIntent, providerId: string): Promise<void> {
    let policy: RoomAccess;
    try {
      policy = await this.deps.policyOf(roomId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw new SignInRefusal('room', 'Salle inconnue.', null, providerId);
      throw error;
    }
    if (!acceptsIdentities(policy)) throw new SignInRefusal('room', "Cette salle s'ouvre avec un code d'invitation, pas par connexion.", intent, providerId);
  }

  /** Runs a call to the provider: network failures become `unavailable`, failed checks `token`. */
  private async guard<T>(intent: SignInIntent, providerId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SignInRefusal) throw error;
      const label = this.clients.get(providerId)?.provider.label ?? providerId;
      if (isUnreachable(error)) throw new SignInRefusal('unavailable', `${label} ne répond pas pour le moment. Réessayez dans quelques minutes.`, intent, providerId);
      throw new SignInRefusal('token', `La réponse de ${label} n'a pas pu être vérifiée (${reasonOf(error)}). Recommencez la connexion.`, intent, providerId);
    }
  }
}

const loginKey = (state: string, browserSecret: string): string => hashSecret(`${state}\u0000${browserSecret}`);

const describe = (identity: VerifiedIdentity): string => (identity.email ? `${identity.name} <${identity.email}>` : identity.name);

/** A fetch that never got an HTTP answer (refused, reset, timed out, DNS), or a 5xx from the provider. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof client.ResponseBodyError) return error.status >= 500;
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  const cause = (error as { cause?: unknown }).cause;
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  return cause instanceof Error && isUnreachable(cause);
}

/** The library's reason, short and without the token itself. */
function reasonOf(error: unknown): string {
  if (error instanceof client.ResponseBodyError) return `${error.error}${error.error_description ? ` : ${error.error_description}` : ''}`;
  if (error instanceof client.AuthorizationResponseError) return error.error;
  // The library's ClientError says "unexpected response"; what failed (nonce, exp, aud, signature) is its cause.
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  if (cause instanceof Error) return cause.message.slice(0, 200);
  if (error instanceof Error) return error.message.slice(0, 200);
  return String(error).slice(0, 200);
}
