import type { ServerFeature } from './feature.js';
import type { RoomSetupStep } from './rooms/room-setup.js';
import { exerciseServer } from './exercise/feature.js';
import { careMapServer } from './care-map/feature.js';
import { alertChainServer } from './alert-chain/feature.js';
import { directoryServer } from './directory/feature.js';
import { retexServer } from './retex/feature.js';
import { commsServer } from './comms/feature.js';
import { mainCouranteServer } from './main-courante/feature.js';
import { notificationsServer } from './notifications/feature.js';
import { sitrepServer } from './sitrep/feature.js';
import { decisionsServer } from './decisions/feature.js';
import { organisationServer } from './organisation/feature.js';

/**
 * The features of the server, one per folder of `server/`. A new feature is one folder with its `feature.ts`
 * and one line here. The order is the order of the room setup steps: the exercise reads the scenario that the
 * care map and the alert chain then use, and the crisis directory comes after the chain whose actors it names.
 */
export const serverFeatures: readonly ServerFeature[] = [
  exerciseServer,
  careMapServer,
  alertChainServer,
  directoryServer,
  retexServer,
  mainCouranteServer,
  commsServer,
  notificationsServer,
  sitrepServer,
  decisionsServer,
  organisationServer,
];

/** The steps that set a new room up, in order (scenario, region of the care map, alert chain…). */
export const roomSetupSteps: readonly RoomSetupStep[] = serverFeatures.flatMap((f) => (f.setup ? [f.setup] : []));
