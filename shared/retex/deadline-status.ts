/**
 * Whether a criterion of the evaluation grid held its deadline — the one definition read by the RETEX report,
 * its Markdown export and the RETEX page (they only print the result).
 *
 * All times are exercise times (ms from DEBEX): the deadlines of the chronogramme are written on that clock,
 * and the evaluators' ticks are stamped on it by the server.
 *
 * - `met` (« tenu »): the earliest tick came at or before the deadline, or the criterion was ticked and has no
 *   deadline. With several ticks (the criterion itself, the expected actions it lists, a second evaluator),
 *   the earliest decides: it is when the behaviour was first seen.
 * - `missed` (« manqué »): the earliest tick came after the deadline; or nobody ticked it and the exercise clock
 *   went past the deadline while the exercise ran (`reached > deadline`).
 * - `notObserved` (« non observé »): nobody ticked it and there is no deadline evidence — no deadline, or a
 *   deadline the exercise never reached (a T+03:30 deadline in an exercise ended at T+02:58).
 *
 * A tick made after FINEX is stamped with the FINEX time (the exercise clock stops there): it says the action was
 * seen by the end, not when. It therefore holds a deadline at or after FINEX, and misses an earlier one — the
 * deadline passed, during the exercise, without a tick.
 */
export type DeadlineStatus = 'met' | 'missed' | 'notObserved';

export interface DeadlineEvidence {
  /** The criterion's deadline, or null when the grid gives none. */
  deadline: number | null;
  /** When it was ticked, in any order (empty when nobody ticked it). */
  ticks: readonly number[];
  /** How far the exercise clock went: the FINEX time once ended, the latest exercise time so far before. */
  reached: number;
}

/**
 * @example deadlineStatus({ deadline: 600_000, ticks: [420_000], reached: 3_600_000 }) // 'met'
 * @example deadlineStatus({ deadline: 600_000, ticks: [], reached: 3_600_000 }) // 'missed'
 * @example deadlineStatus({ deadline: null, ticks: [], reached: 3_600_000 }) // 'notObserved'
 */
export function deadlineStatus({ deadline, ticks, reached }: DeadlineEvidence): DeadlineStatus {
  if (ticks.length > 0) {
    const first = Math.min(...ticks);
    return deadline === null || first <= deadline ? 'met' : 'missed';
  }
  return deadline !== null && reached > deadline ? 'missed' : 'notObserved';
}

/** The status as the report writes it (French, the RETEX's language; the page translates with its own keys). */
export const deadlineStatusLabels: Record<DeadlineStatus, string> = { met: 'tenu', missed: 'manqué', notObserved: 'non observé' };
