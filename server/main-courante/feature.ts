import { defineServerFeature } from '../feature.js';
import { MainCourantePolicy } from './doc-policy.js';

/** The main courante: the policy of its Yjs document (append-only, receipts, mirrored into the room log). */
export const mainCouranteServer = defineServerFeature({
  id: 'main-courante',
  docPolicies: { 'main-courante': (runtime, _ref, logger) => new MainCourantePolicy(runtime, logger) },
});
