import type { Role } from './core/roles.js';
import { commandSpecs, findCommand } from './domain.js';

/** The permission matrix, as data: command type → roles allowed to send it. Cell rules are checked by each command. */
export const permissionMatrix: Readonly<Record<string, readonly Role[]>> = Object.fromEntries(
  commandSpecs.map((spec) => [spec.type, spec.allowed]),
);

/** `can({ role: 'player' }, 'clock.pause')` → false. */
export function can(actor: { role: Role }, commandType: string): boolean {
  return findCommand(commandType)?.allowed.includes(actor.role) ?? false;
}
