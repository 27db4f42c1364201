import { z } from 'zod';
import type { VerifiedIdentity } from './identity.js';

/**
 * Whom an identity invitation admits: one person by e-mail (`prenom.nom@ars.sante.fr`), everyone of an e-mail
 * domain (`ars.sante.fr`), or everyone of an organisation by SIRET. Values are kept normalised (lower case, no
 * spaces) so that matching is a plain comparison.
 */
export const IdentityBinding = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    value: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'adresse e-mail attendue' })),
  }),
  z.object({
    kind: z.literal('domain'),
    value: z
      .string()
      .trim()
      .toLowerCase()
      .transform((v) => v.replace(/^@/, ''))
      .pipe(z.string().regex(/^(?=.{3,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'nom de domaine attendu (ars.sante.fr)')),
  }),
  z.object({
    kind: z.literal('siret'),
    value: z
      .string()
      .transform((v) => v.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^\d{14}$/, 'SIRET attendu (14 chiffres)')),
  }),
]);
export type IdentityBinding = z.infer<typeof IdentityBinding>;

/** Most specific first: a named person's invitation wins over her organisation's, which wins over her domain's. */
const specificity: Readonly<Record<IdentityBinding['kind'], number>> = { email: 3, siret: 2, domain: 1 };

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1);

export function bindingMatches(binding: IdentityBinding, identity: Pick<VerifiedIdentity, 'email' | 'siret'>): boolean {
  switch (binding.kind) {
    case 'email':
      return identity.email !== null && identity.email === binding.value;
    case 'domain':
      return identity.email !== null && domainOf(identity.email) === binding.value;
    case 'siret':
      return identity.siret !== null && identity.siret === binding.value;
  }
}

/**
 * The invitation a signed-in person joins with, among a room's live identity invitations: the most specific
 * match, the oldest on a tie (the director's first intent). Null: she is not invited.
 */
export function pickInvitation<T extends { identity: IdentityBinding | null; createdAt: number }>(invitations: readonly T[], identity: Pick<VerifiedIdentity, 'email' | 'siret'>): T | null {
  let best: T | null = null;
  for (const invitation of invitations) {
    if (!invitation.identity || !bindingMatches(invitation.identity, identity)) continue;
    if (!best || specificity[invitation.identity.kind] > specificity[best.identity!.kind]) best = invitation;
    else if (specificity[invitation.identity.kind] === specificity[best.identity!.kind] && invitation.createdAt < best.createdAt) best = invitation;
  }
  return best;
}

/** « prenom.nom@ars.sante.fr », « tout le domaine ars.sante.fr », « SIRET 130 007 669 00016 ». */
export function describeBinding(binding: IdentityBinding, lang: 'fr' | 'en' = 'fr'): string {
  switch (binding.kind) {
    case 'email':
      return binding.value;
    case 'domain':
      return lang === 'fr' ? `tout le domaine ${binding.value}` : `anyone at ${binding.value}`;
    case 'siret':
      return `SIRET ${binding.value}`;
  }
}
