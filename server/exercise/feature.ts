import { defineServerFeature } from '../feature.js';
import { exerciseRoutes } from './routes.js';
import { driveChronogramme } from './scheduler.js';
import { exerciseSetup } from './setup.js';

/** The exercise: its scenario at room creation, the chronogramme's scheduler, invitations and sheets. */
export const exerciseServer = defineServerFeature({
  id: 'exercise',
  setup: exerciseSetup,
  routes: exerciseRoutes,
  automations: [(runtime, ctx) => driveChronogramme(runtime, ctx.logger)],
});
