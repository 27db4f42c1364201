import type { MainCouranteEntry } from '../../shared/main-courante/entry.js';
import { exerciseTimeLabel, momentLabel, wallTimeLabel, type SimulatedStart } from '../../shared/core/clock-labels.js';

/**
 * The time an entry shows, with its clock: exercise time when the exercise had started (`T+00:12:30`, with the
 * scenario's simulated time of day beside it when there is one), else the wall clock (`14:02:05 (heure réelle)`).
 */
export function entryTime(entry: Pick<MainCouranteEntry, 'authoredAt' | 'authoredExerciseTime'>, lang?: string, simulatedStart: SimulatedStart | null = null): string {
  if (entry.authoredExerciseTime === null) return wallTimeLabel(entry.authoredAt, { lang, seconds: true });
  return simulatedStart ? momentLabel({ exerciseTime: entry.authoredExerciseTime, simulatedStart, lang }) : exerciseTimeLabel(entry.authoredExerciseTime);
}
