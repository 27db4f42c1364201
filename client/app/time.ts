import { exerciseTimeLabel, momentLabel, type SimulatedStart } from '../../shared/core/clock-labels.js';
import type { RoomState } from '../../shared/room-state.js';

/** The wall clock with its clock word, « 14:02 (heure réelle) »: from the one formatter. */
export { wallTimeLabel } from '../../shared/core/clock-labels.js';

// How every screen writes a time: exercise time (`T+…`), wall clock, delays. The words and digits come from
// the one formatter, shared/core/clock-labels.ts (which also says which clock: « (simulée) », « (heure réelle) »);
// these are the short names the screens already use. (The server-side exports format in shared/ too.)

/**
 * Exercise time as every screen of the room writes it: `T+00:12:30`, or `T+00:12` where space is short
 * (a chart axis); `—` when there is none (not alerted yet, no deadline).
 * @example tPlus(750_000) // 'T+00:12:30'
 */
export function tPlus(exerciseTime: number | null, precision: 'seconds' | 'minutes' = 'seconds'): string {
  return exerciseTimeLabel(exerciseTime, precision);
}

/** The scenario's simulated time of day at T0, in an exercise whose scenario has one; null otherwise (a crisis). */
export function simulatedStartOf(state: RoomState): SimulatedStart | null {
  if (state.room.mode !== 'exercise') return null;
  return state.exercise.scenario?.simulatedStart ?? null;
}

/**
 * A moment of this room, each part with its clock: `T+00:50:00 · 08 h 50 (simulée)` in an exercise whose
 * scenario has a time of day, `T+00:50:00 · 14:02 (heure réelle)` otherwise (`T+00:50:00` with no wall time).
 */
export function roomMoment(state: RoomState, exerciseTime: number, wallTime: number | null, { lang, seconds }: { lang?: string; seconds?: boolean } = {}): string {
  return momentLabel({ exerciseTime, wallTime, simulatedStart: simulatedStartOf(state), lang, seconds });
}

/**
 * A delay as people say it in a crisis cell: `45 s`, `3 min 05 s`, `1 h 12 min`; `—` when there is none.
 * @example formatDelay(185_000) // '3 min 05 s'
 */
export function formatDelay(ms: number | null): string {
  if (ms === null) return '—';
  const total = Math.floor(ms / 1000);
  if (total < 60) return `${total} s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes} min ${String(total % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const parisFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/**
 * The wall clock in Paris, as a cell says it: `14 h 05`. For what happened outside the room (a mail sent, an
 * acknowledgement through its link), whatever the viewer's own time zone; the caller writes « heure de Paris ».
 * @example parisTime(Date.UTC(2026, 0, 15, 13, 5)) // '14 h 05'
 */
export function parisTime(wallTime: number): string {
  return parisFormat.format(new Date(wallTime)).replace(':', ' h ');
}
