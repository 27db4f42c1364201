import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { identityFromClaims, ClaimsError } from '../../server/identity/claims.js';
import { bindingMatches, IdentityBinding, pickInvitation } from '../../shared/identity/binding.js';

const proconnect = { id: 'proconnect', label: 'ProConnect', preset: 'proconnect', issuer: 'https://auth.agentconnect.gouv.fr/api/v2', clientId: 'id', clientSecret: 'secret' };
const psc = { id: 'psc', label: 'Pro Santé Connect', preset: 'pro-sante-connect', issuer: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet', clientId: 'id', clientSecret: 'secret' };
const providers = (list: unknown) => loadConfig({ OIDC_PROVIDERS: JSON.stringify(list) }).OIDC_PROVIDERS!;

describe('OIDC_PROVIDERS', () => {
  it('fills a preset: ProConnect asks one scope per claim, eidas1, signed userinfo; Pro Santé Connect names people by SubjectNameID', () => {
    const [pc, ps] = providers([proconnect, psc]);
    expect(pc).toMatchObject({
      kind: 'proconnect',
      scopes: expect.arrayContaining(['openid', 'given_name', 'usual_name', 'siret']),
      acrValues: ['eidas1'],
      userinfoSignedAlg: 'RS256',
      emailVerified: 'always',
    });
    expect(pc!.claims.familyName).toEqual(['usual_name']);
    expect(ps!.claims.subject).toEqual(['SubjectNameID', 'sub']);
    // What is given explicitly wins over the preset.
    expect(providers([{ ...proconnect, acrValues: ['eidas2'] }])[0]!.acrValues).toEqual(['eidas2']);
  });

  it('refuses a bad entry with a clear message, and keeps the server from starting', () => {
    expect(() => loadConfig({ OIDC_PROVIDERS: '[{' })).toThrow(/OIDC_PROVIDERS doit être du JSON/);
    expect(() => loadConfig({ OIDC_PROVIDERS: JSON.stringify([{ ...proconnect, issuer: 'http://idp.example.org' }]) })).toThrow(/https/);
    expect(() => loadConfig({ OIDC_PROVIDERS: JSON.stringify([{ ...proconnect, clientSecret: undefined }]) })).toThrow(/clientSecret ou privateKeyJwk/);
    expect(() => loadConfig({ OIDC_PROVIDERS: JSON.stringify([proconnect, proconnect]) })).toThrow(/même id/);
    expect(() => loadConfig({ OPERATOR_EMAILS: 'a@ars.sante.fr, pas-une-adresse' })).toThrow(/OPERATOR_EMAILS/);
    // http only on a loopback address (a test OP, a demo on one laptop).
    expect(providers([{ ...proconnect, issuer: 'http://127.0.0.1:9000' }])[0]!.issuer.href).toBe('http://127.0.0.1:9000/');
  });
});

describe('claims → verified identity', () => {
  const [pc, ps] = providers([proconnect, { ...psc }]);

  it('reads ProConnect claims: the usual name, a verified address, the SIRET', () => {
    expect(identityFromClaims(pc!, { sub: 'abc', acr: 'eidas1', given_name: 'Marie', usual_name: 'Dupont', email: 'Marie.Dupont@ars.sante.fr', siret: '130 007 669 00016' })).toEqual({
      provider: 'proconnect',
      providerLabel: 'ProConnect',
      subject: 'abc',
      name: 'Marie Dupont',
      email: 'marie.dupont@ars.sante.fr',
      organisation: null,
      siret: '13000766900016',
      acr: 'eidas1',
    });
  });

  it('keeps an address only where the provider vouches for it, and refuses an identity with no name', () => {
    expect(identityFromClaims(ps!, { sub: 'x', SubjectNameID: '810001234567', given_name: 'Jean', family_name: 'Médecin', email: 'jean@example.org' })).toMatchObject({
      subject: '810001234567',
      email: null,
    });
    expect(identityFromClaims(ps!, { sub: 'x', given_name: 'Jean', family_name: 'Médecin', email: 'jean@example.org', email_verified: true }).email).toBe('jean@example.org');
    expect(() => identityFromClaims(pc!, { sub: 'abc', email: 'a@b.fr' })).toThrow(ClaimsError);
    // A claim of another type (an object where a string is expected) is ignored, never stringified.
    expect(() => identityFromClaims(pc!, { sub: 'abc', given_name: { toString: 'x' }, usual_name: ['Dupont'] })).toThrow(ClaimsError);
  });
});

describe('identity invitations', () => {
  const email = IdentityBinding.parse({ kind: 'email', value: ' Marie.Dupont@ARS.sante.fr ' });
  const domain = IdentityBinding.parse({ kind: 'domain', value: '@ars.sante.fr' });
  const siret = IdentityBinding.parse({ kind: 'siret', value: '130 007 669 00016' });
  const marie = { email: 'marie.dupont@ars.sante.fr', siret: '13000766900016' };

  it('normalises what the director types and matches exactly', () => {
    expect([email.value, domain.value, siret.value]).toEqual(['marie.dupont@ars.sante.fr', 'ars.sante.fr', '13000766900016']);
    expect(bindingMatches(domain, { email: 'x@ars.sante.fr.evil.example', siret: null })).toBe(false);
    expect(bindingMatches(domain, { email: 'x@sub.ars.sante.fr', siret: null })).toBe(false);
    expect(bindingMatches(email, { email: null, siret: null })).toBe(false);
    expect(IdentityBinding.safeParse({ kind: 'siret', value: '1234' }).success).toBe(false);
  });

  it('picks the most specific live invitation, the oldest on a tie', () => {
    const invitations = [
      { id: 'domain', identity: domain, createdAt: 1 },
      { id: 'code', identity: null, createdAt: 0 },
      { id: 'siret', identity: siret, createdAt: 2 },
      { id: 'email-late', identity: email, createdAt: 4 },
      { id: 'email', identity: email, createdAt: 3 },
    ];
    expect(pickInvitation(invitations, marie)?.id).toBe('email');
    expect(pickInvitation(invitations, { email: 'luc@ars.sante.fr', siret: '13000766900016' })?.id).toBe('siret');
    expect(pickInvitation(invitations, { email: 'luc@ars.sante.fr', siret: null })?.id).toBe('domain');
    expect(pickInvitation(invitations, { email: 'paul@calvados.gouv.fr', siret: null })).toBeNull();
  });
});
