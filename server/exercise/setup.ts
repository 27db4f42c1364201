import { playerView, evaluatorView } from '../../shared/exercise/scenario-views.js';
import type { Scenario } from '../../shared/exercise/scenario.js';
import type { RoomSetupStep } from '../rooms/room-setup.js';
import { readScenario } from './scenario-files.js';
import { briefingPublished, observerKitPublished, scenarioLoaded } from '../../shared/exercise/stimuli-events.js';

/** The expected actions, for evaluators: what to look for and which stimulus calls for it, never its content. */
function observableActions(scenario: Scenario) {
  return scenario.chronogramme.flatMap((s) =>
    s.expectedActions.map((a) => ({
      id: a.id,
      stimulusId: s.id,
      label: a.label,
      criterion: a.criterion,
      objective: a.objective,
      ...(a.objectiveIds ? { objectiveIds: a.objectiveIds } : {}),
      ...(a.deadline ? { deadline: a.deadline } : {}),
    })),
  );
}

/**
 * Loads the room's scenario, if any, and splits it by audience: the whole kit to the animation team,
 * the observer kit to evaluators, the briefing and player kit to everyone. Nothing else ever leaves it.
 */
export const exerciseSetup: RoomSetupStep = (ctx) => {
  if (!ctx.request.scenario) return [];
  const scenario = readScenario(ctx.request.scenario, ctx.scenariosDir);
  // Handed to the later steps (care map, alert chain) through the typed context.
  ctx.scenario = scenario;
  ctx.cells = scenario.cells.map((c) => ({ ...c }));
  const evaluator = evaluatorView(scenario);
  return [
    scenarioLoaded.draft({ scenario }, 'director'),
    observerKitPublished.draft({ observerKit: evaluator.observerKit, objectives: scenario.objectives, expectedActions: observableActions(scenario) }, 'staff'),
    briefingPublished.draft({ view: playerView(scenario) }, 'all'),
  ];
};
