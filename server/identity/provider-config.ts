import { z } from 'zod';

/**
 * `OIDC_PROVIDERS`: the OpenID providers people may sign in with, as JSON (an array). A `preset` fills what a
 * national provider always needs (scopes, claim names, acr level, signed userinfo); anything given explicitly
 * wins. docs/deployment.md lists the entries for ProConnect and Pro Santé Connect.
 */

/** Claim names tried in order for each field of a verified identity (the first one present wins). */
const ClaimNames = z.array(z.string().min(1).max(80)).min(1).max(5);

const ClaimMapping = z.object({
  subject: ClaimNames,
  givenName: ClaimNames,
  familyName: ClaimNames,
  email: ClaimNames,
  /** None: the organisation is not shown (ProConnect gives no organisation name, only a SIRET). */
  organisation: z.array(z.string().min(1).max(80)).max(5),
  siret: z.array(z.string().min(1).max(80)).max(5),
});
export type ClaimMapping = z.infer<typeof ClaimMapping>;

const ProviderEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'id : minuscules, chiffres et -'),
    label: z.string().trim().min(1).max(80),
    preset: z.enum(['proconnect', 'pro-sante-connect', 'generic']).default('generic'),
    /** The issuer URL: discovery reads `<issuer>/.well-known/openid-configuration`. http only on a loopback address. */
    issuer: z.url(),
    clientId: z.string().min(1).max(255),
    clientSecret: z.string().min(1).max(1024).optional(),
    /** The client's private key as a JWK (RSA or EC), for `private_key_jwt`. */
    privateKeyJwk: z.record(z.string(), z.unknown()).optional(),
    tokenAuth: z.enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt']).optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
      .min(1)
      .optional(),
    claims: ClaimMapping.partial().optional(),
    /** Requested (`acr_values`) and required: a token whose `acr` is not among them is refused. */
    acrValues: z.array(z.string().min(1).max(120)).optional(),
    /** Read the claims from the userinfo endpoint too (ProConnect and Pro Santé Connect put them there). */
    userinfo: z.boolean().optional(),
    /** The provider signs its userinfo answers (ProConnect: RS256). */
    userinfoSignedAlg: z.string().min(1).max(20).optional(),
    /** `always`: the provider only ever states e-mail addresses it verified; `claim`: trust `email_verified: true` only. */
    emailVerified: z.enum(['always', 'claim']).optional(),
  })
  .refine((p) => p.clientSecret !== undefined || p.privateKeyJwk !== undefined, { message: 'clientSecret ou privateKeyJwk requis', path: ['clientSecret'] })
  .refine((p) => p.tokenAuth !== 'private_key_jwt' || p.privateKeyJwk !== undefined, { message: 'private_key_jwt demande privateKeyJwk', path: ['privateKeyJwk'] })
  .refine((p) => new URL(p.issuer).protocol === 'https:' || isLoopback(new URL(p.issuer).hostname), {
    message: "l'émetteur doit être en https:// (http:// seulement sur 127.0.0.1 ou localhost, pour les essais)",
    path: ['issuer'],
  });

export const isLoopback = (hostname: string): boolean => hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';

/** A provider with every field decided. */
export interface ProviderConfig {
  id: string;
  label: string;
  kind: 'proconnect' | 'pro-sante-connect' | 'generic';
  issuer: URL;
  clientId: string;
  clientSecret: string | undefined;
  privateKeyJwk: Record<string, unknown> | undefined;
  tokenAuth: 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';
  scopes: string[];
  claims: ClaimMapping;
  acrValues: string[];
  userinfo: boolean;
  userinfoSignedAlg: string | undefined;
  emailVerified: 'always' | 'claim';
}

type Preset = Omit<ProviderConfig, 'id' | 'label' | 'kind' | 'issuer' | 'clientId' | 'clientSecret' | 'privateKeyJwk' | 'tokenAuth'>;

const generic: Preset = {
  scopes: ['openid', 'email', 'profile'],
  claims: { subject: ['sub'], givenName: ['given_name'], familyName: ['family_name'], email: ['email'], organisation: [], siret: ['siret'] },
  acrValues: [],
  userinfo: true,
  userinfoSignedAlg: undefined,
  emailVerified: 'claim',
};

/**
 * ProConnect (the State's federation, ex-AgentConnect): one scope per claim, `usual_name` for the family name,
 * the SIRET of the agent's organisation, userinfo signed, addresses verified by the federated identity provider.
 */
const proconnect: Preset = {
  scopes: ['openid', 'email', 'given_name', 'usual_name', 'uid', 'siret', 'idp_id', 'organizational_unit'],
  claims: { subject: ['sub'], givenName: ['given_name'], familyName: ['usual_name'], email: ['email'], organisation: ['organizational_unit'], siret: ['siret'] },
  acrValues: ['eidas1'],
  userinfo: true,
  userinfoSignedAlg: 'RS256',
  emailVerified: 'always',
};

/**
 * Pro Santé Connect (ANS, e-CPS card or app): the subject that names a health professional is `SubjectNameID`
 * (her RPPS/ADELI identifier), claims come from userinfo (`scope_all`).
 */
const proSanteConnect: Preset = {
  scopes: ['openid', 'scope_all'],
  claims: { subject: ['SubjectNameID', 'sub'], givenName: ['given_name'], familyName: ['family_name'], email: ['email'], organisation: [], siret: [] },
  acrValues: ['eidas1'],
  userinfo: true,
  userinfoSignedAlg: undefined,
  emailVerified: 'claim',
};

const presets = { generic, proconnect, 'pro-sante-connect': proSanteConnect } as const;

export const OidcProvidersEnv = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'OIDC_PROVIDERS doit être du JSON (un tableau de fournisseurs)' });
      return z.NEVER;
    }
  })
  .pipe(z.array(ProviderEntry).max(10))
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { message: 'deux fournisseurs portent le même id' })
  .transform((list) => list.map(resolveProvider));

function resolveProvider(entry: z.infer<typeof ProviderEntry>): ProviderConfig {
  const preset = presets[entry.preset];
  return {
    id: entry.id,
    label: entry.label,
    kind: entry.preset,
    issuer: new URL(entry.issuer),
    clientId: entry.clientId,
    clientSecret: entry.clientSecret,
    privateKeyJwk: entry.privateKeyJwk,
    tokenAuth: entry.tokenAuth ?? (entry.privateKeyJwk ? 'private_key_jwt' : 'client_secret_basic'),
    scopes: entry.scopes ?? preset.scopes,
    claims: { ...preset.claims, ...entry.claims },
    acrValues: entry.acrValues ?? preset.acrValues,
    userinfo: entry.userinfo ?? preset.userinfo,
    userinfoSignedAlg: entry.userinfoSignedAlg ?? preset.userinfoSignedAlg,
    emailVerified: entry.emailVerified ?? preset.emailVerified,
  };
}

/** `OPERATOR_EMAILS`: comma-separated addresses whose verified owners may create rooms. */
export const OperatorEmailsEnv = z
  .string()
  .transform((text) =>
    text
      .split(',')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ error: 'OPERATOR_EMAILS : adresse e-mail invalide' })));
