import { formatExerciseTime } from '../../shared/exercise/clock.js';

// How every screen writes a time: exercise time (`T+…`), wall clock, delays. One module so that the room, the
// exercise console, the main courante, the care map, the alert chain and the RETEX read the same way.
// (The server-side exports — CSV, Markdown report — format in shared/.)

/**
 * Exercise time as every screen of the room writes it: `T+00:12:30`, or `T+00:12` where space is short
 * (a chart axis); `—` when there is none (not alerted yet, no deadline).
 * @example tPlus(750_000) // 'T+00:12:30'
 */
export function tPlus(exerciseTime: number | null, precision: 'seconds' | 'minutes' = 'seconds'): string {
  if (exerciseTime === null) return '—';
  const text = formatExerciseTime(exerciseTime);
  return `T+${precision === 'minutes' ? text.replace(/:\d{2}$/, '') : text}`;
}

/**
 * The wall clock in the viewer's language: `14:32`, or `14:32:05` where the second matters (the main courante,
 * the comms versions).
 */
export function wallClock(wallTime: number, { lang = 'fr', seconds = false }: { lang?: string; seconds?: boolean } = {}): string {
  return new Date(wallTime).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) });
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
