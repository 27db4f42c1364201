import { acceptsCodes, acceptsIdentities, type RoomAccess } from '../../shared/identity/access-policy.js';
import type { IdentityBinding } from '../../shared/identity/binding.js';

/** How an invitation admits: a code (typed with a name), or a verified identity matching a binding. */
export type InviteBy = 'code' | IdentityBinding['kind'];

/** What the room's access policy lets the director invite by; signed-in first where it takes identities. */
export function inviteChoices(access: RoomAccess): InviteBy[] {
  return [...(acceptsIdentities(access) ? (['email', 'domain', 'siret'] as const) : []), ...(acceptsCodes(access) ? (['code'] as const) : [])];
}

/** What the value field suggests, in each kind's own format (examples, the same in every language). */
export const bindingPlaceholder: Readonly<Record<IdentityBinding['kind'], string>> = {
  email: 'prenom.nom@ars.sante.fr',
  domain: 'ars.sante.fr',
  siret: '130 007 669 00016',
};
