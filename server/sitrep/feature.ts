import { nextScheduleInstant, scheduleDrafts } from '../../shared/sitrep/schedule.js';
import { defineServerFeature } from '../feature.js';
import { runOnExerciseClock } from '../rooms/clock-automation.js';
import { sitrepPolicy } from './doc-policy.js';
import { watchValidations } from './freezing.js';
import { sitrepRoutes } from './routes.js';
import { sitrepSetup } from './setup.js';

/**
 * Points de situation: the summary document's policy, freezing on validation (as comms sealing), the schedule's
 * reminders and late points on the room clock, and the Markdown export. Automations run on the leader only, so
 * that two instances never both freeze or remind.
 */
export const sitrepServer = defineServerFeature({
  id: 'sitrep',
  setup: sitrepSetup,
  routes: sitrepRoutes,
  docPolicies: { sitrep: sitrepPolicy },
  automations: [
    (runtime, ctx) =>
      watchValidations(
        runtime,
        (roomId, docName, task) => ctx.docs.withDoc(roomId, docName, task),
        (error) => ctx.logger.error({ err: error, roomId: runtime.id }, 'sitrep: freezing a validated point failed'),
      ),
    (runtime, ctx) => runOnExerciseClock(runtime, { name: 'sitrep schedule', nextDue: nextScheduleInstant, dueDrafts: scheduleDrafts }, ctx.logger),
  ],
});
