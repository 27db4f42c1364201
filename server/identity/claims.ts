import { z } from 'zod';
import { VerifiedIdentity } from '../../shared/identity/identity.js';
import type { ProviderConfig } from './provider-config.js';

/**
 * The validated claims of one sign-in (ID token, then userinfo for the same subject) → the identity the room
 * uses. Claims are untrusted shapes even once their signature is checked: each one is read through a schema,
 * and a sign-in that yields no name or no subject is refused rather than filled in.
 */
export class ClaimsError extends Error {}

const text = z.string().trim().min(1).max(160);

function first(claims: Readonly<Record<string, unknown>>, names: readonly string[]): string | null {
  for (const name of names) {
    if (!Object.hasOwn(claims, name)) continue;
    const value = claims[name];
    const parsed = text.safeParse(typeof value === 'number' ? String(value) : value);
    if (parsed.success) return parsed.data;
  }
  return null;
}

export function identityFromClaims(provider: ProviderConfig, claims: Readonly<Record<string, unknown>>): VerifiedIdentity {
  const subject = first(claims, provider.claims.subject);
  if (!subject) throw new ClaimsError(`le fournisseur n'a pas donné d'identifiant (${provider.claims.subject.join(', ')})`);
  const given = first(claims, provider.claims.givenName);
  const family = first(claims, provider.claims.familyName);
  const name = [given, family].filter(Boolean).join(' ');
  if (!name) throw new ClaimsError(`le fournisseur n'a pas donné de nom (${[...provider.claims.givenName, ...provider.claims.familyName].join(', ')})`);
  const rawEmail = first(claims, provider.claims.email)?.toLowerCase() ?? null;
  const emailOk = rawEmail !== null && z.email().safeParse(rawEmail).success && (provider.emailVerified === 'always' || claims['email_verified'] === true);
  const siret = first(claims, provider.claims.siret)?.replace(/\s+/g, '') ?? null;
  const acr = typeof claims['acr'] === 'string' ? claims['acr'] : null;
  return VerifiedIdentity.parse({
    provider: provider.id,
    providerLabel: provider.label,
    subject,
    name: name.slice(0, 160),
    email: emailOk ? rawEmail : null,
    organisation: first(claims, provider.claims.organisation),
    siret: siret && /^\d{14}$/.test(siret) ? siret : null,
    acr,
  });
}
