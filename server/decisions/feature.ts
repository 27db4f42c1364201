import { defineServerFeature } from '../feature.js';
import { recordDecisionEntries } from './main-courante-entries.js';
import { watchActionDueTimes } from './overdue-timer.js';

/** Decisions and actions: overdue actions on the room clock, decisions written into the main courante. */
export const decisionsServer = defineServerFeature({
  id: 'decisions',
  automations: [(runtime, ctx) => watchActionDueTimes(runtime, ctx.logger), (runtime, ctx) => recordDecisionEntries(runtime, ctx.docs, ctx.logger)],
});
