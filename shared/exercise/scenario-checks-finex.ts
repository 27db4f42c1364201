import { formatOffset, offsetOrNull } from './scenario-offset.js';
import type { Report, ScenarioDraft } from './scenario-checks.js';

/**
 * What is due after FINEX can never be observed: the room stops at FINEX, so an expected action of a stimulus
 * (its `deadline`) or an action of the decisions board (its `dueMinutes`) due later is a mistake of the author.
 */
export function checkFinexDeadlines(scenario: ScenarioDraft, report: Report): void {
  const finex = scenario.finex === undefined ? null : offsetOrNull(scenario.finex);
  if (finex === null) return;
  const after = (what: string, due: string) => `${what} échue à ${due}, après la FINEX (${scenario.finex}) : elle ne pourra pas être observée`;
  scenario.chronogramme.forEach((stimulus, i) => {
    stimulus.expectedActions.forEach((action, k) => {
      const deadline = action.deadline === undefined ? null : offsetOrNull(action.deadline);
      if (deadline !== null && deadline > finex) report(['chronogramme', i, 'expectedActions', k, 'deadline'], after(`la réaction attendue « ${action.id} »`, action.deadline ?? ''));
    });
  });
  scenario.expectedActions?.forEach((action, i) => {
    if (action.dueMinutes * 60_000 > finex) report(['expectedActions', i, 'dueMinutes'], after(`l’action attendue « ${action.id} »`, formatOffset(action.dueMinutes * 60_000)));
  });
}
