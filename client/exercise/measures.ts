import type { InboxItem } from '../../shared/exercise/stimuli-state.js';
import { dictGet } from '../../shared/core/dict.js';

/**
 * Automatic measures of the evaluation grid, computed from the room state alone.
 * Delays are in exercise time (ms): a pause of the exercise does not count against the players,
 * and at speed ×2 a delay reads as it would have in the real crisis.
 */

/** How one recipient cell handled one delivered stimulus. */
export interface CellMeasure {
  stimulusId: string;
  subject: string;
  cell: string;
  injectedAt: number;
  /** Injection → this cell's acknowledgement; null while not acknowledged. */
  toAck: number | null;
  /** Injection → this cell's first link (main courante, alert chain, establishment, comms); null if none. */
  toFirstLink: number | null;
  /** Injection → this cell's first reply to the sender; null if none. */
  toFirstReply: number | null;
}

const since = (start: number, at: number) => Math.max(0, at - start);

const firstTime = (times: number[]) => (times.length === 0 ? null : Math.min(...times));

/** One measure per recipient cell of a delivered stimulus. */
export function measureStimulus(item: InboxItem): CellMeasure[] {
  return item.recipients.map((cell) => {
    const ack = dictGet(item.acks, cell);
    const link = firstTime(item.links.filter((l) => l.cell === cell).map((l) => l.exerciseTime));
    const reply = firstTime(item.replies.filter((r) => r.cell === cell).map((r) => r.exerciseTime));
    return {
      stimulusId: item.id,
      subject: item.subject,
      cell,
      injectedAt: item.injectedAt,
      toAck: ack ? since(item.injectedAt, ack.exerciseTime) : null,
      toFirstLink: link === null ? null : since(item.injectedAt, link),
      toFirstReply: reply === null ? null : since(item.injectedAt, reply),
    };
  });
}

/** Every delivered stimulus, in the order of delivery, one row per recipient cell. */
export function measureInbox(inbox: Record<string, InboxItem>, order: readonly string[]): CellMeasure[] {
  return order.flatMap((id) => {
    const item = inbox[id];
    return item ? measureStimulus(item) : [];
  });
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
  linked: number;
  medianToAck: number | null;
  medianToFirstLink: number | null;
}

/** Totals per cell, in the order cells first appear among the measures. */
export function summarizeByCell(measures: readonly CellMeasure[]): CellSummary[] {
  const byCell = new Map<string, CellMeasure[]>();
  for (const m of measures) byCell.set(m.cell, [...(byCell.get(m.cell) ?? []), m]);
  return [...byCell].map(([cell, rows]) => {
    const acks = rows.flatMap((r) => (r.toAck === null ? [] : [r.toAck]));
    const links = rows.flatMap((r) => (r.toFirstLink === null ? [] : [r.toFirstLink]));
    return {
      cell,
      delivered: rows.length,
      acknowledged: acks.length,
      linked: links.length,
      medianToAck: median(acks),
      medianToFirstLink: median(links),
    };
  });
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
