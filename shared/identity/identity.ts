import { z } from 'zod';

/**
 * A person as an OpenID provider vouched for her, after the server validated the ID token (signature, issuer,
 * audience, expiry, nonce) and read the claims the provider's mapping names. Only the server builds one.
 */
export const VerifiedIdentity = z.object({
  /** Id of the configured provider (`OIDC_PROVIDERS[].id`). */
  provider: z.string().min(1).max(40),
  providerLabel: z.string().min(1).max(80),
  /** The provider's `sub` (or its mapped subject claim: RPPS number for Pro Santé Connect). */
  subject: z.string().min(1).max(255),
  /** Given name and family (usual) name as the provider states them. */
  name: z.string().min(1).max(160),
  /** Lower-cased; null when the provider gave none or did not vouch for it. */
  email: z.string().max(254).nullable(),
  organisation: z.string().max(160).nullable(),
  siret: z.string().max(14).nullable(),
  /** Authentication context class the provider reports (`eidas1`…), null if none. */
  acr: z.string().max(120).nullable(),
});
export type VerifiedIdentity = z.infer<typeof VerifiedIdentity>;

/**
 * What every event's actor carries of a verified identity: enough for the log, the archive and the RETEX to say
 * who vouched for the name, never the e-mail address (events reach every audience and the exported archive).
 */
export const ActorIdentity = z.object({
  provider: z.string().min(1).max(80),
  organisation: z.string().max(160).nullable(),
  acr: z.string().max(120).nullable(),
});
export type ActorIdentity = z.infer<typeof ActorIdentity>;

export const actorIdentityOf = (identity: VerifiedIdentity): ActorIdentity => ({
  provider: identity.providerLabel,
  organisation: identity.organisation,
  acr: identity.acr,
});

/**
 * The name a signed-in participant acts under: the verified name, and the organisation when known, so that every
 * place that shows an author (main courante, decisions, RETEX) shows whom she speaks for.
 */
export const verifiedDisplayName = (identity: Pick<VerifiedIdentity, 'name' | 'organisation'>): string => (identity.organisation ? `${identity.name} (${identity.organisation})` : identity.name);

/** « vérifié par ProConnect, niveau eidas1 »: the provenance line shown beside a verified name. */
export function provenanceOf(identity: ActorIdentity, lang: 'fr' | 'en' = 'fr'): string {
  const level = identity.acr ? (lang === 'fr' ? `, niveau ${identity.acr}` : `, level ${identity.acr}`) : '';
  return lang === 'fr' ? `vérifié par ${identity.provider}${level}` : `verified by ${identity.provider}${level}`;
}
