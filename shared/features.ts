import type { SharedFeature } from './core/shared-feature.js';
import { roomFeature } from './room/feature.js';
import { exerciseFeature } from './exercise/feature.js';
import { careMapFeature } from './care-map/feature.js';
import { retexFeature } from './retex/feature.js';
import { mainCouranteFeature } from './main-courante/feature.js';
import { commsFeature } from './comms/feature.js';
import { alertChainFeature } from './alert-chain/feature.js';
import { directoryFeature } from './directory/feature.js';
import { notificationsFeature } from './notifications/feature.js';
import { sitrepFeature } from './sitrep/feature.js';
import { decisionsFeature } from './decisions/feature.js';
import { organisationFeature } from './organisation/feature.js';

/**
 * The features of the domain, one per folder of `shared/`. A new feature is one folder with its `feature.ts`
 * and one line here (and one in `server/features.ts` and `client/features.ts`): see docs/architecture.md.
 * The order is the order of the command and event lists (protocol docs) and of the watchers.
 */
export const sharedFeatures = [
  roomFeature,
  exerciseFeature,
  careMapFeature,
  retexFeature,
  mainCouranteFeature,
  commsFeature,
  alertChainFeature,
  directoryFeature,
  notificationsFeature,
  sitrepFeature,
  decisionsFeature,
  organisationFeature,
] as const satisfies readonly SharedFeature[];
