import { nextActionDueAt, overdueActionDrafts } from '../../shared/decisions/overdue.js';
import { runOnExerciseClock } from '../rooms/clock-automation.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';

/**
 * Watches a room's action due times on the room clock: each open action past its due time is declared
 * overdue once. In an exercise the due time is an exercise time (a paused exercise flags nothing); in a
 * crisis it is a wall time, placed on the crisis clock that runs at speed 1 from T0.
 */
export function watchActionDueTimes(runtime: RoomRuntime, logger: Logger): () => void {
  return runOnExerciseClock(runtime, { name: 'action due times', nextDue: nextActionDueAt, dueDrafts: overdueActionDrafts }, logger);
}
