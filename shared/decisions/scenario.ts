import { z } from 'zod';
import { limits } from '../core/limits.js';
import { CellId } from '../core/roles.js';
import { ActionPriority } from './events.js';

/**
 * An action the animation expects from a cell (« activer la cellule régionale dans les 30 min »): written in the
 * scenario, put on the board at room creation (source `scenario`), due `dueMinutes` after DEBEX. Whether it
 * was done in time is then read from the board's own measures, like any action.
 */
export const ScenarioExpectedAction = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "identifiant d'action attendue (a-z, 0-9, -)"),
  title: z.string().trim().min(1).max(limits.maxTitleLength),
  details: z.string().max(2000).optional(),
  ownerCell: CellId,
  dueMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
  priority: ActionPriority.optional(),
});
export type ScenarioExpectedAction = z.infer<typeof ScenarioExpectedAction>;
