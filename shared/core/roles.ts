import { z } from 'zod';
import { ActorIdentity } from '../identity/identity.js';

/**
 * `director` is the exercise animator, or the crisis director in a real crisis.
 * `evaluator` sees what players see plus the evaluation grid; `observer` is read-only.
 */
export const Role = z.enum(['director', 'player', 'evaluator', 'observer']);
export type Role = z.infer<typeof Role>;

/** A played cell id (`ars`, `prefecture`, …): lowercase, digits and dashes. Cells come from the scenario. */
export const CellId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'identifiant de cellule attendu (a-z, 0-9, -)');
export type CellId = z.infer<typeof CellId>;

export const defaultCells = [
  { id: 'ars', label: 'ARS — cellule régionale de crise' },
  { id: 'prefecture', label: 'Préfecture — liaison COD' },
] as const;

/** Who did something. `system` is the server itself (scheduler, overdue timers). */
export const Actor = z.object({
  kind: z.enum(['participant', 'system']),
  sessionId: z.string().optional(),
  name: z.string(),
  role: Role.optional(),
  cell: CellId.optional(),
  /** Present when the participant signed in: who vouched for `name` (`shared/identity/identity.ts`). */
  verified: ActorIdentity.optional(),
});
export type Actor = z.infer<typeof Actor>;

export const systemActor: Actor = { kind: 'system', name: 'ORSAN Room' };
