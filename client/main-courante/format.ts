import { formatExerciseTime } from '../../shared/exercise/clock.js';
import type { MainCouranteEntry } from '../../shared/main-courante/entry.js';

/** Wall clock `HH:MM:SS` in the browser's time zone. */
export const wallTime = (ms: number) => new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The time an entry shows: exercise time when the exercise had started (T+…), else the wall clock. */
export function entryTime(entry: Pick<MainCouranteEntry, 'authoredAt' | 'authoredExerciseTime'>): string {
  return entry.authoredExerciseTime === null ? wallTime(entry.authoredAt) : `T+${formatExerciseTime(entry.authoredExerciseTime)}`;
}
