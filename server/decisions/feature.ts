import { defineServerFeature } from '../feature.js';
import { recordDecisionEntries } from './main-courante-entries.js';
import { watchActionDueTimes } from './overdue-timer.js';
import { decisionsSetup } from './setup.js';

/** Decisions and actions: the scenario's expected actions at room creation, overdue actions on the room clock, decisions written into the main courante. */
export const decisionsServer = defineServerFeature({
  id: 'decisions',
  setup: decisionsSetup,
  automations: [(runtime, ctx) => watchActionDueTimes(runtime, ctx.logger), (runtime, ctx) => recordDecisionEntries(runtime, ctx.docs, ctx.logger)],
});
