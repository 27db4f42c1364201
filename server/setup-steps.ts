import type { RoomSetupStep } from './rooms/room-setup.js';
import { exerciseSetup } from './exercise/setup.js';
import { careMapSetupStep } from './care-map/setup.js';
import { alertChainSetup } from './alert-chain/setup.js';

/**
 * The steps that set a new room up, in order (scenario, region of the care map, alert chain…).
 * Each domain adds its step here.
 */
export const roomSetupSteps: RoomSetupStep[] = [exerciseSetup, careMapSetupStep(), alertChainSetup];
