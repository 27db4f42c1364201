import type { RoomSetupStep } from './rooms/room-setup.js';

/**
 * The steps that set a new room up, in order (scenario, region of the care map, alert chain…).
 * Each domain adds its step here.
 */
export const roomSetupSteps: RoomSetupStep[] = [];
