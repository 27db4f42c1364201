import { expect, it } from 'vitest';
import type { VerifiedIdentity } from '../../shared/identity/identity.js';
import type { PendingLogin, Store } from '../../server/store/types.js';
import { invitation, roomId, session } from './contract-fixtures.js';

const marie: VerifiedIdentity = {
  provider: 'proconnect',
  providerLabel: 'ProConnect',
  subject: 'sub-marie',
  name: 'Marie Dupont',
  email: 'marie.dupont@ars.sante.fr',
  organisation: 'ARS Normandie',
  siret: '13000766900016',
  acr: 'eidas1',
};

const login = (room: string, createdAt: number): PendingLogin => ({
  provider: 'proconnect',
  codeVerifier: `${room}-verifier`,
  nonce: `${room}-nonce`,
  intent: { kind: 'room', roomId: room },
  createdAt,
  expiresAt: createdAt + 600_000,
});

/** Sign-in records (`AccessStore`): identity invitations, sessions with their identity, pending logins, operator sessions. */
export function describeIdentityRecords(fresh: () => Promise<Store>): void {
  it('keeps an identity invitation without a code, and a session with its verified identity and ID token', async () => {
    const store = await fresh();
    const room = roomId();
    const bound = { ...invitation(room, 'by-mail', 10), identity: { kind: 'email' as const, value: 'marie.dupont@ars.sante.fr' } };
    await store.access.createInvitation(bound, null);
    // Two identity invitations: no code hash, so no uniqueness clash between them.
    const byDomain = { ...invitation(room, 'by-domain', 11), identity: { kind: 'domain' as const, value: 'ars.sante.fr' } };
    await store.access.createInvitation(byDomain, null);
    expect(await store.access.listInvitations(room)).toEqual([bound, byDomain]);

    const signedIn = { ...session(room, 's-marie', 'by-mail', 20), identity: marie, idTokenHint: 'header.payload.signature', expiresAt: 20 + 43_200_000 };
    await store.access.createSession(signedIn, `${room}/token-marie`);
    expect(await store.access.findSessionByTokenHash(`${room}/token-marie`)).toEqual(signedIn);
    expect(await store.access.listSessions(room)).toEqual([signedIn]);
  });

  it('uses a pending login up once, never once expired, and purges expired ones when storing a new one', async () => {
    const store = await fresh();
    const room = roomId();
    await store.access.createLogin(`${room}/state-1`, login(room, 1_000));
    expect(await store.access.consumeLogin(`${room}/unknown`, 2_000)).toBeNull();
    expect(await store.access.consumeLogin(`${room}/state-1`, 2_000)).toEqual(login(room, 1_000));
    // A replayed answer finds nothing.
    expect(await store.access.consumeLogin(`${room}/state-1`, 2_000)).toBeNull();

    await store.access.createLogin(`${room}/state-2`, login(room, 1_000));
    expect(await store.access.consumeLogin(`${room}/state-2`, 1_000 + 600_000)).toBeNull();

    await store.access.createLogin(`${room}/state-3`, login(room, 1_000));
    await store.access.createLogin(`${room}/state-4`, login(room, 1_000 + 700_000));
    expect(await store.access.consumeLogin(`${room}/state-3`, 0)).toBeNull();
    expect(await store.access.consumeLogin(`${room}/state-4`, 1_000 + 700_001)).toMatchObject({ nonce: `${room}-nonce` });
  });

  it('stores operator sessions by token hash and revokes them once', async () => {
    const store = await fresh();
    const id = `${roomId()}/operator`;
    const record = { id, identity: marie, idTokenHint: null, createdAt: 5, expiresAt: 50, revokedAt: null };
    await store.access.createOperatorSession(record, `${id}/token`);
    expect(await store.access.findOperatorSessionByTokenHash(`${id}/token`)).toEqual(record);
    expect(await store.access.findOperatorSessionByTokenHash(`${id}/other`)).toBeNull();
    expect(await store.access.revokeOperatorSession(id, 7)).toBe(true);
    expect(await store.access.revokeOperatorSession(id, 8)).toBe(false);
    expect(await store.access.findOperatorSessionByTokenHash(`${id}/token`)).toEqual({ ...record, revokedAt: 7 });
  });
}
