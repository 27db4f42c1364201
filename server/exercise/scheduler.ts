import { wallTimeWhen } from '../../shared/exercise/clock.js';
import { dueDrafts, nextDueTime } from '../../shared/exercise/scheduling.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Logger } from '../ops/logger.js';

/** setTimeout's ceiling (~24.8 days): a longer wait is re-armed when it ends. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Drives a room's chronogramme on the exercise clock: one timer for the next due stimulus, re-armed after
 * every change of the log (clock started, paused, sped up, jumped; stimulus deferred or injected; a
 * condition met). What is due is decided from the state inside the room's queue (`dueDrafts`), so a late
 * timer, two timers, or a restart in the middle of an exercise inject each stimulus once and only once.
 */
export function driveChronogramme(runtime: RoomRuntime, logger: Logger): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const state = runtime.state;
    const next = nextDueTime(state);
    if (next === null) return;
    const at = wallTimeWhen(state.clock, next);
    if (at === null) return;
    timer = setTimeout(fire, Math.min(Math.max(0, at - Date.now()), MAX_TIMER_MS));
  };

  const fire = () => {
    timer = null;
    runtime
      .appendSystem((state, now) => dueDrafts(state, now))
      .then((events) => {
        // No event means nothing was due yet (the timer woke early): arm again.
        if (events.length === 0) arm();
      })
      .catch((error) => {
        logger.error({ err: error, roomId: runtime.id }, 'stimulus injection failed');
        setTimeout(arm, 1000);
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
