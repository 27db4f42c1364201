import { defineServerFeature } from '../feature.js';
import { careMapRouter } from './routes.js';
import { careMapSetupStep } from './setup.js';

/** The care map: the region's data at room creation, and the region files for the map. */
export const careMapServer = defineServerFeature({
  id: 'care-map',
  setup: careMapSetupStep(),
  routes: (ctx) => careMapRouter({ scenariosDir: ctx.config.SCENARIOS_DIR, server: ctx }),
});
