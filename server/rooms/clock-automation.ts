import type { Now } from '../../shared/core/define.js';
import type { EventDraft } from '../../shared/core/events.js';
import { wallTimeWhen } from '../../shared/exercise/clock.js';
import type { RoomState } from '../../shared/room-state.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from './room-runtime.js';

/** setTimeout's ceiling (~24.8 days): a longer wait is re-armed when it ends. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const RETRY_MS = 1000;

/**
 * Something the server does by itself when the exercise clock reaches a time: inject a stimulus,
 * declare an alert overdue. Both functions are pure; `dueDrafts` must be idempotent (nothing due twice).
 */
export interface ClockAutomation {
  /** For logs. */
  name: string;
  /** Exercise time (ms) of the next thing due, or null when nothing is pending. */
  nextDue(state: RoomState): number | null;
  /** Everything due at `now`, decided from the state alone. */
  dueDrafts(state: RoomState, now: Now): EventDraft[];
}

/**
 * Runs an automation on a room's exercise clock: one timer for the next due time, re-armed after every batch
 * of events (a clock change, a new deadline, what the automation itself appended). A paused or stopped clock
 * has no wall time for it (`wallTimeWhen` → null), so pausing the exercise stops the timer. What is due is
 * decided inside the room's queue, so a timer that wakes early, fires twice or after a restart appends each
 * thing once; what fell due while the server was down is appended as soon as the room is live again.
 * Returns the function that stops it.
 */
export function runOnExerciseClock(runtime: RoomRuntime, automation: ClockAutomation, logger: Logger): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const schedule = (delay: number, task: () => void) => {
    timer = setTimeout(task, Math.min(Math.max(0, delay), MAX_TIMER_MS));
    timer.unref();
  };

  const arm = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    const state = runtime.state;
    const next = automation.nextDue(state);
    const at = next === null ? null : wallTimeWhen(state.clock, next);
    if (at !== null) schedule(at - runtime.now().wallTime, fire);
  };

  const fire = () => {
    timer = null;
    if (stopped) return;
    runtime
      .appendSystem((state, now) => automation.dueDrafts(state, now))
      .then((events) => {
        // Appended events re-arm through `onEvents`; none means the timer woke early.
        if (events.length === 0) arm();
      })
      .catch((error: unknown) => {
        if (stopped) return;
        logger.error({ err: error, roomId: runtime.id, automation: automation.name }, 'clock automation failed');
        schedule(RETRY_MS, arm);
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
