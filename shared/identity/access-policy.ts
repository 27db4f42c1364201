import { z } from 'zod';

/**
 * How people get into a room, chosen at creation: `code` (an invitation code and a typed name, for rooms with no
 * network), `oidc` (a verified identity matching an invitation), or `both`.
 */
export const RoomAccess = z.enum(['code', 'oidc', 'both']);
export type RoomAccess = z.infer<typeof RoomAccess>;

export const acceptsCodes = (access: RoomAccess): boolean => access !== 'oidc';
export const acceptsIdentities = (access: RoomAccess): boolean => access !== 'code';

/** The policy a new room gets when the request names none: crisis rooms sign in when a provider is configured. */
export function defaultRoomAccess(mode: 'exercise' | 'crisis', providersConfigured: boolean): RoomAccess {
  return mode === 'crisis' && providersConfigured ? 'oidc' : 'code';
}
