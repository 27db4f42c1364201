import { DomainError } from '../../shared/core/errors.js';
import type { EventDraft } from '../../shared/core/events.js';
import { actionCreated } from '../../shared/decisions/events.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';

/**
 * Room setup: the scenario's expected actions on the board, `à faire`, due on the exercise clock
 * `dueMinutes` after DEBEX, with the scenario as their source. Runs after the scenario step.
 */
export const decisionsSetup: RoomSetupStep = (ctx): EventDraft[] => {
  const expected = ctx.scenario?.expectedActions ?? [];
  return expected.map((a, i) => {
    // A scenario that expects an action from a cell it does not play is wrong: it would never be evaluable.
    if (!ctx.cells.some((c) => c.id === a.ownerCell)) throw new DomainError('invalid', `Action attendue « ${a.id} » : cellule « ${a.ownerCell} » absente du scénario.`);
    const payload = {
      id: `A${i + 1}`,
      title: a.title,
      details: a.details ?? '',
      ownerCell: a.ownerCell,
      ownerName: null,
      due: { clock: 'exercise' as const, at: a.dueMinutes * 60_000 },
      priority: a.priority ?? 'normale',
      source: { kind: 'scenario' as const, id: a.id },
    };
    return actionCreated.draft(payload, 'all');
  });
};
