import type { ClientFeature } from './app/client-feature.js';
import { roomClient } from './room/feature.js';
import { exerciseClient } from './exercise/feature.js';
import { mainCouranteClient } from './main-courante/feature.js';
import { careMapClient } from './care-map/feature.js';
import { alertChainClient } from './alert-chain/feature.js';
import { directoryClient } from './directory/feature.js';
import { notificationsClient } from './notifications/feature.js';
import { commsClient } from './comms/feature.js';
import { retexClient } from './retex/feature.js';
import { sitrepClient } from './sitrep/feature.js';
import { decisionsClient } from './decisions/feature.js';
import { organisationClient } from './organisation/feature.js';

/**
 * The features of the room page, one per folder of `client/`, in the order of their tabs (and of their
 * summaries in the header). A new feature is one folder with its `feature.ts` and one line here.
 */
export const clientFeatures: readonly ClientFeature[] = [
  roomClient,
  exerciseClient,
  mainCouranteClient,
  careMapClient,
  alertChainClient,
  decisionsClient,
  organisationClient,
  directoryClient,
  notificationsClient,
  commsClient,
  sitrepClient,
  retexClient,
];
