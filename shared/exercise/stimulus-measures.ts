import { dictPick } from '../core/dict.js';
import type { ExerciseState, InboxItem } from './stimuli-state.js';

/**
 * The measures of how the cells handled the stimuli — one definition, read by the evaluation grid (live, from
 * the viewer's state) and by the RETEX report (from the log's final state), so both show the same delays.
 * Delays are in exercise time (ms): a pause does not count against the players, and at speed ×2 a delay reads
 * as it would have in the real crisis. A delay is never negative (an acknowledgement in the same second as a
 * re-delivery reads 0).
 */

/** How one recipient cell handled one delivered stimulus. */
export interface StimulusMeasure {
  stimulusId: string;
  subject: string;
  cell: string;
  injectedAt: number;
  acknowledgedAt: number | null;
  /** Injection → this cell's acknowledgement; null while not acknowledged. */
  ackDelay: number | null;
  /** This cell's first action on it: a link made from the inbox, or a main-courante entry pointing at it. */
  firstActionAt: number | null;
  actionDelay: number | null;
  /** Injection → this cell's first reply to the simulated sender; null if none. */
  replyDelay: number | null;
}

const delay = (start: number, at: number | null) => (at === null ? null : Math.max(0, at - start));
const earliest = (times: readonly number[]) => (times.length === 0 ? null : Math.min(...times));

/** One measure per recipient cell of a delivered stimulus. */
export function measureStimulus(item: InboxItem): StimulusMeasure[] {
  return item.recipients.map((cell) => {
    const acknowledgedAt = dictPick(item.acks, [cell])[0]?.exerciseTime ?? null;
    const actions = [...item.links.filter((l) => l.cell === cell), ...(item.entries ?? []).filter((e) => e.cell === cell)].map((a) => a.exerciseTime);
    const firstActionAt = earliest(actions);
    const firstReplyAt = earliest(item.replies.filter((r) => r.cell === cell).map((r) => r.exerciseTime));
    return {
      stimulusId: item.id,
      subject: item.subject,
      cell,
      injectedAt: item.injectedAt,
      acknowledgedAt,
      ackDelay: delay(item.injectedAt, acknowledgedAt),
      firstActionAt,
      actionDelay: delay(item.injectedAt, firstActionAt),
      replyDelay: delay(item.injectedAt, firstReplyAt),
    };
  });
}

/** Every delivered stimulus, in the order of delivery, one row per recipient cell. */
export function measureInbox(exercise: Pick<ExerciseState, 'inbox' | 'inboxOrder'>): StimulusMeasure[] {
  return dictPick(exercise.inbox, exercise.inboxOrder).flatMap(measureStimulus);
}

/** The median of some delays, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** A cell's totals over the exercise. */
export interface CellSummary {
  cell: string;
  delivered: number;
  acknowledged: number;
  /** Stimuli the cell acted on (link or main-courante entry). */
  acted: number;
  medianAckDelay: number | null;
  medianActionDelay: number | null;
}

/** Totals per cell, in the order cells first appear among the measures. */
export function summarizeByCell(measures: readonly StimulusMeasure[]): CellSummary[] {
  const byCell = new Map<string, StimulusMeasure[]>();
  for (const m of measures) byCell.set(m.cell, [...(byCell.get(m.cell) ?? []), m]);
  return [...byCell].map(([cell, rows]) => {
    const acks = rows.flatMap((r) => (r.ackDelay === null ? [] : [r.ackDelay]));
    const actions = rows.flatMap((r) => (r.actionDelay === null ? [] : [r.actionDelay]));
    return { cell, delivered: rows.length, acknowledged: acks.length, acted: actions.length, medianAckDelay: median(acks), medianActionDelay: median(actions) };
  });
}
