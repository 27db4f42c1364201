import { defineServerFeature } from '../feature.js';
import { establishmentNamesFor } from '../care-map/establishment-names.js';
import { MainCourantePolicy } from './doc-policy.js';
import { keepSystemEntries } from './system-entries.js';

/**
 * The main courante: the policy of its Yjs document (append-only, receipts, mirrored into the room log), and the
 * system entries restating what the cells did elsewhere in the room (care map, alert chain, communication).
 */
export const mainCouranteServer = defineServerFeature({
  id: 'main-courante',
  docPolicies: { 'main-courante': (runtime, _ref, logger) => new MainCourantePolicy(runtime, logger) },
  automations: [(runtime, ctx) => keepSystemEntries(runtime, ctx.docs, ctx.logger, establishmentNamesFor(ctx.config.SCENARIOS_DIR))],
});
