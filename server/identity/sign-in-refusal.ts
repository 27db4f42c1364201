import { DomainError, type ErrorCode } from '../../shared/core/errors.js';
import type { SignInIntent } from '../../shared/identity/rest.js';

/**
 * Why a sign-in did not open a session, one reason per failure a person can meet. Each carries the error code of
 * the API (the refusal page's HTTP status) and the intent, so the page can offer the way that still works
 * (sign in again, or enter with a code when the room takes codes).
 */
export const refusalReasons = {
  /** The provider's page was left (`error=access_denied`…). */
  cancelled: 'unauthorized',
  /** Unknown, used or expired `state`, or one started in another browser: a forged or replayed answer. */
  state: 'unauthorized',
  /** The ID token or the code exchange failed a check (signature, nonce, audience, expiry, PKCE). */
  token: 'unauthorized',
  /** The provider did not state what the room needs (a name, a subject). */
  claims: 'unauthorized',
  /** The authentication level is below the one the provider entry requires. */
  acr: 'forbidden',
  /** No live invitation of the room matches the verified identity. */
  not_invited: 'forbidden',
  /** The verified e-mail is not among `OPERATOR_EMAILS`. */
  not_operator: 'forbidden',
  /** The room signs in with codes only, or does not exist. */
  room: 'not_found',
  /** The provider does not answer (discovery, token or userinfo endpoint). */
  unavailable: 'unavailable',
} as const satisfies Record<string, ErrorCode>;
export type RefusalReason = keyof typeof refusalReasons;

export class SignInRefusal extends DomainError {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly intent: SignInIntent | null,
    readonly providerId: string | null,
    /** The provider's end-session page for the identity just refused: to sign in with another account. */
    readonly switchAccountUrl: string | null = null,
  ) {
    super(refusalReasons[reason], message);
  }
}
