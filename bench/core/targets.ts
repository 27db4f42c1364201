import type { PressureKind } from '../lib/pressure.js';
import type { BroadcastRun } from './broadcast.js';
import type { DurableLoopResult } from './durable-loop.js';

/**
 * Targets of issue 16 (group commit), every delivery received in every case:
 * - broadcast p99 on a quiet machine within 1.2× bare socket.io's (issue 2 asked 1.5×); under disk pressure, within
 *   1.2 × (bare p99 + the bare loop's p99 commit time, same run);
 * - durable appends: one command at a time through the runtime at ≥ 0.9× the bare SQLite loop, 20 submitted together
 *   at ≥ 5× it. `storeAppendRatio` is issue 2's, for `EventStore.append` alone.
 */
export const targets = { broadcastP99Ratio: 1.2, storeAppendRatio: 0.8, singleCommandRatio: 0.9, groupCommitRatio: 5 } as const;

export interface BroadcastComparison {
  clients: number;
  bareP99Ms: number;
  orsanP99Ms: number;
  ratio: number;
  /** What ORSAN's p99 must stay under: 1.2 × bare p99, plus (under pressure) the bare loop's p99 commit inside. */
  targetP99Ms: number;
  complete: boolean;
  pass: boolean;
  runs: BroadcastRun[];
}

/** The disk as the bare durable loop found it, before and after the measured runs (same pressure). */
export interface DiskCondition {
  pressure: PressureKind;
  before: DurableLoopResult;
  after: DurableLoopResult;
  /** Mean of the two p99 commit times: the disk's share of the busy-disk target. */
  loopP99Ms: number;
}
