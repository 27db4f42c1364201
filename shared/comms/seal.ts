import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { draftSealed, jointApprovalVoided } from './events.js';

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
 * A joint product's validations of another text fall first: the text they vouched for is not this one, so
 * each cell must validate the new text (the same text resubmitted keeps them: it is the same fingerprint).
 */
export function sealDrafts(state: RoomState, pending: PendingSeal, text: string, hash: string): EventDraft[] {
  const draft = state.comms.drafts.find((d) => d.id === pending.draftId);
  if (!draft || draft.status !== 'soumis' || draft.cycle !== pending.cycle || draft.sealed?.cycle === pending.cycle) return [];
  const stale = draft.approvals.filter((a) => a.hash !== hash);
  const voided = [...new Set(stale.map((a) => a.hash))].map((old) => jointApprovalVoided.draft({ draftId: draft.id, cells: stale.filter((a) => a.hash === old).map((a) => a.cell), hash: old }, 'all'));
  return [...voided, draftSealed.draft({ draftId: pending.draftId, cycle: pending.cycle, hash, text }, 'all')];
}
