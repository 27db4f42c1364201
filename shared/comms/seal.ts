import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { draftSealed } from './events.js';

/**
 * Sealing a submitted draft: the server reads the text from its own copy of the draft's document, hashes it,
 * and records it; validators then sign that hash. These are the rules of it, pure; reading the document and
 * hashing are the server's (`server/comms/sealing.ts`).
 */

/** A submission still waiting for its seal: the draft is submitted and this cycle has none yet. */
export interface PendingSeal {
  draftId: string;
  cycle: number;
}

/** The submissions waiting for a seal (after a restart, a crash may have left some). */
export function pendingSeals(state: RoomState): PendingSeal[] {
  return state.comms.drafts.filter((d) => d.status === 'soumis' && d.sealed?.cycle !== d.cycle).map((d) => ({ draftId: d.id, cycle: d.cycle }));
}

/**
 * The seal to record for `pending` with the text read and its hash, or none: the draft may have been
 * reopened, validated or sealed meanwhile (another instance, a retry), and a seal is recorded once per cycle.
 */
export function sealDrafts(state: RoomState, pending: PendingSeal, text: string, hash: string): EventDraft[] {
  const draft = state.comms.drafts.find((d) => d.id === pending.draftId);
  if (!draft || draft.status !== 'soumis' || draft.cycle !== pending.cycle || draft.sealed?.cycle === pending.cycle) return [];
  return [draftSealed.draft({ draftId: pending.draftId, cycle: pending.cycle, hash, text }, 'all')];
}
