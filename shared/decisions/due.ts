import type { ClockState } from '../exercise/clock.js';
import { formatExerciseTime } from '../exercise/clock.js';
import type { RoomMode } from '../room/state.js';
import type { CrisisAction, Stamp } from './state.js';

/**
 * Due times of actions. An exercise plays on its own clock (DEBEX, pauses, ×10): an action is due at an
 * exercise time. A real crisis lives on the wall clock (a prefect's 14 h 00 is 14 h 00): an action is due
 * at an epoch time, and the crisis clock, running at speed 1 from T0, converts between the two.
 */
export type Due = NonNullable<CrisisAction['due']>;

/** Which clock the room's due times are on. */
export const dueClockOf = (mode: RoomMode): Due['clock'] => (mode === 'crisis' ? 'wall' : 'exercise');

/** The due time as an exercise time on `clock`, or null when it cannot be placed (a wall due on a stopped clock). */
export function dueExerciseTime(clock: ClockState, due: Due): number | null {
  if (due.clock === 'exercise') return due.at;
  if (clock.status !== 'running') return null;
  return Math.ceil(clock.anchorExercise + (due.at - clock.anchorWall) * clock.speed);
}

/** Whether `due` has passed at `now`, on its own clock. */
export const duePassed = (due: Due, now: Stamp): boolean => (due.clock === 'exercise' ? now.exerciseTime >= due.at : now.wallTime >= due.at);

/** `14:00` in Paris time, whatever the server's or the viewer's time zone (the crisis cells are in France). */
export function parisTime(wallTime: number): string {
  return new Date(wallTime).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
}

/** `T+01:30:00` (heure d'exercice) or `14:00 (heure de Paris)`: for history lines, exports and the RETEX. */
export function formatDue(due: Due): string {
  return due.clock === 'exercise' ? `T+${formatExerciseTime(due.at)}` : `${parisTime(due.at)} (heure de Paris)`;
}

/** Whether an action finished (done) after its due time, on the due's own clock. */
export function finishedLate(action: CrisisAction): boolean {
  if (!action.due || !action.doneAt) return false;
  return action.due.clock === 'exercise' ? action.doneAt.exerciseTime > action.due.at : action.doneAt.wallTime > action.due.at;
}
