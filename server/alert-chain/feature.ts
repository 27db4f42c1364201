import { defineServerFeature } from '../feature.js';
import { watchAlertDeadlines } from './overdue-timer.js';
import { alertChainRoutes } from './routes.js';
import { alertChainSetup } from './setup.js';

/** The alert chain: the room's chain at creation, its deadlines on the room clock, its measures. */
export const alertChainServer = defineServerFeature({
  id: 'alert-chain',
  setup: alertChainSetup,
  routes: alertChainRoutes,
  automations: [(runtime, ctx) => watchAlertDeadlines(runtime, ctx.logger)],
});
