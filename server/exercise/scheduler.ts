import { dueDrafts, nextDueTime } from '../../shared/exercise/scheduling.js';
import { runOnExerciseClock } from '../rooms/clock-automation.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';

/**
 * Drives a room's chronogramme on the exercise clock: each stimulus is injected when due, once and only once,
 * across pauses, speed changes, jumps and restarts (see `runOnExerciseClock`).
 */
export function driveChronogramme(runtime: RoomRuntime, logger: Logger): () => void {
  return runOnExerciseClock(runtime, { name: 'chronogramme', nextDue: nextDueTime, dueDrafts }, logger);
}
