import type { CommandSpec, Now, Participant } from './core/define.js';
import { DomainError, describeZodError, forbidden, invalid } from './core/errors.js';
import type { Role } from './core/roles.js';
import { commandSpecs, findCommand } from './domain.js';
import type { RoomState } from './room-state.js';

/**
 * Who may send what, asked the same way by the server (before it decides) and by the client (before it shows
 * a button): a command is refused for its role (the matrix), then its payload (the schema), then the state
 * (its pure `decide`, which throws the domain's refusal). Nothing else decides.
 */

/** The permission matrix, as data: command type → roles allowed to send it. Cell rules are checked by each command. */
export const permissionMatrix: Readonly<Record<string, readonly Role[]>> = Object.fromEntries(commandSpecs.map((spec) => [spec.type, spec.allowed]));

/** `can({ role: 'player' }, 'clock.pause')` → false: the role may send the command at all (matrix only). */
export function can(actor: { role: Role }, commandType: string): boolean {
  return findCommand(commandType)?.allowed.includes(actor.role) ?? false;
}

/** The matrix's refusal for `actor`, or null when its role may send `spec`. */
export function roleRefusal(spec: CommandSpec, actor: { role: Role }): DomainError | null {
  return spec.allowed.includes(actor.role) ? null : forbidden(`Le rôle « ${actor.role} » ne peut pas exécuter « ${spec.type} ».`);
}

/** The payload as the command's schema reads it, or the refusal naming the bad fields. */
export function parseCommandPayload<P>(spec: CommandSpec<P>, raw: unknown): { payload: P } | { refusal: DomainError } {
  const parsed = spec.payload.safeParse(raw);
  return parsed.success ? { payload: parsed.data } : { refusal: invalid(describeZodError(parsed.error)) };
}

export interface RefusalQuestion {
  /** The state the asker sees: the full state on the server, the viewer's projection on the client. */
  state: RoomState;
  actor: Participant;
  now: Now;
  /** Without a payload only the role is asked (e.g. whether to show a form at all). */
  payload?: unknown;
}

/**
 * Why the server would refuse `type` from `actor` now, or null if it would accept it.
 * @example commandRefusal('stimulus.acknowledge', { state, actor, now, payload: { id: 'S01' } }) // null, or a DomainError
 */
export function commandRefusal(type: string, { state, actor, now, payload }: RefusalQuestion): DomainError | null {
  const spec = findCommand(type);
  if (!spec) return invalid(`Commande inconnue « ${type} ».`);
  const byRole = roleRefusal(spec, actor);
  if (byRole || payload === undefined) return byRole;
  const parsed = parseCommandPayload(spec, payload);
  if ('refusal' in parsed) return parsed.refusal;
  try {
    spec.decide({ state, payload: parsed.payload, actor, now });
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}
