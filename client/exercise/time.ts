import { formatExerciseTime } from '../../shared/exercise/clock.js';

/** `T+00:12:30`: exercise time as every screen of the room writes it. */
export const tPlus = (exerciseTime: number) => `T+${formatExerciseTime(exerciseTime)}`;

/** `14:32` in the viewer's language: the wall clock beside an exercise time. */
export function wallClock(wallTime: number, lang: string): string {
  return new Date(wallTime).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'fr-FR', { hour: '2-digit', minute: '2-digit' });
}
