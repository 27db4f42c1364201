import type { MainCouranteEntry } from '../../shared/main-courante/entry.js';
import { tPlus, wallClock } from '../app/time.js';

/** The time an entry shows: exercise time when the exercise had started (T+…), else the wall clock. */
export function entryTime(entry: Pick<MainCouranteEntry, 'authoredAt' | 'authoredExerciseTime'>, lang?: string): string {
  return entry.authoredExerciseTime === null ? wallClock(entry.authoredAt, { lang, seconds: true }) : tPlus(entry.authoredExerciseTime);
}
