import { z } from 'zod';
import { PlayerKit, ObserverKit } from './scenario-kit.js';
import { CareOffer, Objective, Scenario, ScenarioCell, ScenarioFields, ScenarioLevel } from './scenario.js';
import { ActorId } from '../alert-chain/template.js';

/**
 * The scenario split by audience. The server publishes each part in an event of the matching visibility:
 * `playerView` → 'all', `evaluatorView` → 'staff', `directorView` (the whole scenario) → 'director'.
 * The chronogramme, expected actions, animator notes and the evaluation grid never reach players.
 */

/** What every participant sees: the mise en situation, never the chronogramme. */
export const PlayerScenarioView = z.object({
  id: ScenarioFields.shape.id,
  title: ScenarioFields.shape.title,
  level: ScenarioLevel,
  objectives: z.array(Objective),
  briefing: z.string(),
  rules: z.string(),
  cells: z.array(ScenarioCell),
  /** The simulated time of day at DEBEX, shown beside T+ (not secret: the briefing says it). */
  simulatedStart: ScenarioFields.shape.simulatedStart,
  /** Who may write to the players; descriptions may hint at the script, so only labels are shown. */
  simulatedActors: z.array(z.object({ id: ActorId, label: z.string() })),
  careOffer: CareOffer,
  playerKit: PlayerKit,
});
export type PlayerScenarioView = z.infer<typeof PlayerScenarioView>;

/** What evaluators (and the director) see: the player view plus the observer kit (grid and scale). */
export const EvaluatorScenarioView = PlayerScenarioView.extend({ observerKit: ObserverKit });
export type EvaluatorScenarioView = z.infer<typeof EvaluatorScenarioView>;

/**
 * The part of a scenario safe for every participant (visibility 'all').
 * @example drafts.push(briefingPublished.draft({ view: playerView(scenario) }, 'all'))
 */
export function playerView(scenario: Scenario): PlayerScenarioView {
  return {
    id: scenario.id,
    title: scenario.title,
    level: scenario.level,
    objectives: scenario.objectives.map(({ id, label, description }) => ({ id, label, description })),
    briefing: scenario.briefing,
    rules: scenario.rules,
    cells: scenario.cells.map(({ id, label }) => ({ id, label })),
    ...(scenario.simulatedStart ? { simulatedStart: scenario.simulatedStart } : {}),
    simulatedActors: scenario.simulatedActors.map(({ id, label }) => ({ id, label })),
    careOffer: scenario.careOffer,
    playerKit: scenario.kit.playerKit,
  };
}

/** The part of a scenario for evaluators (visibility 'staff'): the player view plus the observer kit. */
export function evaluatorView(scenario: Scenario): EvaluatorScenarioView {
  return { ...playerView(scenario), observerKit: scenario.kit.observerKit };
}

/** The whole scenario, for the animation team only (visibility 'director'). */
export function directorView(scenario: Scenario): Scenario {
  return scenario;
}
