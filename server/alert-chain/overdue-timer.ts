import { wallTimeWhen } from '../../shared/exercise/clock.js';
import { overdueDrafts } from '../../shared/alert-chain/overdue.js';
import { nextOverdueAt } from '../../shared/alert-chain/timing.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';

/** setTimeout's ceiling (~24.8 days): a longer wait is re-armed when it ends. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_MS = 1000;

/**
 * Watches a room's alert-chain deadlines on the exercise clock: one timer for the next deadline, re-armed
 * after every batch of events (an alert, an acknowledgement, a clock change). A paused or stopped clock
 * has no wall time for a deadline (`wallTimeWhen` → null), so pausing the exercise stops the timers.
 * What is overdue is decided from the state inside the room's queue, so an early, double or post-restart
 * firing records each overdue once; a deadline that passed while the server was down fires on load.
 * Returns a function that stops the watch.
 */
export function watchAlertDeadlines(runtime: RoomRuntime, logger: Logger): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const state = runtime.state;
    const next = nextOverdueAt(state.alertChain);
    if (next === null) return;
    const at = wallTimeWhen(state.clock, next);
    if (at === null) return;
    timer = setTimeout(fire, Math.min(Math.max(0, at - runtime.now().wallTime), MAX_TIMER_MS));
    timer.unref();
  };

  const fire = () => {
    timer = null;
    if (stopped) return;
    runtime
      .appendSystem((state, now) => overdueDrafts(state, now.exerciseTime))
      .then((events) => {
        // Events re-arm through `onEvents`; none means the timer woke early.
        if (events.length === 0) arm();
      })
      .catch((error: unknown) => {
        if (stopped) return;
        logger.error({ err: error, roomId: runtime.id }, 'alert-chain overdue check failed');
        timer = setTimeout(arm, RETRY_MS);
        timer.unref();
      });
  };

  const unsubscribe = runtime.onEvents(arm);
  arm();
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
