import { hasFollowUp, overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { nextOverdueAt } from '../../shared/alert-chain/timing.js';
import { runOnExerciseClock } from '../rooms/clock-automation.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';

/**
 * Watches a room's alert-chain deadlines on the exercise clock: each missed deadline is declared overdue
 * once, at its exercise time, and a missed acknowledgement is relayed to the next contact, then escalated;
 * pausing the exercise stops the timers (see `runOnExerciseClock`).
 */
export function watchAlertDeadlines(runtime: RoomRuntime, logger: Logger): () => void {
  return runOnExerciseClock(
    runtime,
    {
      name: 'alert-chain deadlines',
      nextDue: (state) => nextOverdueAt(state.alertChain, (link) => hasFollowUp(state, link)),
      dueDrafts: (state, now) => overdueDrafts(state, now.exerciseTime, now.wallTime),
    },
    logger,
  );
}
