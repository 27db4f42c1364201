import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { sitrepFrozen } from './events.js';
import { findPoint } from './state.js';

/**
 * Freezing a validated point: the server reads the summary from its own copy of the point's document, hashes
 * it and records both (as comms sealing does, `shared/comms/seal.ts`). These are the rules of it, pure; reading
 * the document and hashing are the server's (`server/sitrep/freezing.ts`).
 */

/** Points validated and not yet frozen (after a restart, a crash may have left some). */
export function pendingFreezes(state: RoomState): number[] {
  return state.sitrep.points.filter((p) => p.status === 'valide').map((p) => p.n);
}

/** The freeze to record for point `n`, or none: it is recorded once, and only for a validated point. */
export function freezeDrafts(state: RoomState, n: number, text: string, hash: string): EventDraft[] {
  const point = findPoint(state.sitrep, n);
  if (!point || point.status !== 'valide') return [];
  return [sitrepFrozen.draft({ n, text, hash }, 'all')];
}
