import { DomainError, describeZodError } from '../../shared/core/errors.js';
import type { EventDraft } from '../../shared/core/events.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import { AlertChainTemplate } from '../../shared/alert-chain/template.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import { chainDefined } from '../../shared/alert-chain/events.js';

/** The scenario's own chain when the scenario has one; undefined for the default chain. */
function scenarioChain(scenario: Pick<Scenario, 'alertChain'> | null): AlertChainTemplate | undefined {
  const raw: unknown = scenario?.alertChain;
  if (raw === undefined) return undefined;
  const parsed = AlertChainTemplate.safeParse(raw);
  // A scenario that names its own chain must get it: falling back to the default would test the wrong chain.
  if (!parsed.success) throw new DomainError('invalid', `Chaîne d'alerte du scénario invalide : ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * A played actor whose cell this room does not play becomes simulated: somebody must be able to act for it,
 * and in that room it is the animation team.
 */
export function adaptToCells(template: AlertChainTemplate, cellIds: readonly string[]): AlertChainTemplate {
  const actors = template.actors.map((actor) => {
    if (actor.kind !== 'played' || (actor.cell && cellIds.includes(actor.cell))) return actor;
    const { cell: _unplayed, ...rest } = actor;
    return { ...rest, kind: 'simulated' as const };
  });
  return { ...template, actors };
}

/**
 * Room setup: the room's alert chain, visible to all (who must alert whom is no secret). Runs after the
 * scenario step, which sets `ctx.scenario`.
 */
export const alertChainSetup: RoomSetupStep = (ctx): EventDraft[] => {
  const template = scenarioChain(ctx.scenario) ?? defaultOrsanCyberChain;
  const adapted = adaptToCells(
    template,
    ctx.cells.map((c) => c.id),
  );
  ctx.chainActorIds = adapted.actors.map((a) => a.id);
  return [chainDefined.draft({ template: adapted }, 'all')];
};
