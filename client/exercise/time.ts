import { formatExerciseTime } from '../../shared/exercise/clock.js';

/** `T+00:12:30`: exercise time as every screen of the room writes it. */
export const tPlus = (exerciseTime: number) => `T+${formatExerciseTime(exerciseTime)}`;

/** `14:32` in the viewer's language: the wall clock beside an exercise time. */
export function wallClock(wallTime: number, lang: string): string {
  return new Date(wallTime).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });
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
