import { emptyDict, type Dict } from '../core/dict.js';
import type { EntryType } from './entry.js';
import type { InformationMark } from './verification.js';

/** An entry promoted to the room's summary (événement significatif). */
export interface SignificantEntry {
  id: string;
  type: EntryType;
  text: string;
  author: string;
  cell: string | null;
  authoredAt: number;
  receivedAt: number;
  /** Who promoted it after the fact; null when it was written as significant. */
  flaggedBy: string | null;
}

/**
 * What the room state keeps of the main courante: counts and the significant entries for the summary.
 * The entries themselves live in the `main-courante` Yjs document; each accepted one is also an event of
 * the room log (`mainCourante.entryAdded`), so the hash chain covers them.
 */
export interface MainCouranteSummary {
  count: number;
  lateCount: number;
  /** Significance flags mirrored so far (a flag on an already significant entry counts too). */
  flagCount: number;
  lastEntryAt: number | null;
  significant: SignificantEntry[];
  /** Verification records mirrored so far (`mainCourante.entryVerified`). */
  verificationCount: number;
  /** Each information entry (`isVerifiable`) by id: its cell and verification status, for the counts. */
  informations: Dict<InformationMark>;
}

export const initialMainCouranteSummary: MainCouranteSummary = {
  count: 0,
  lateCount: 0,
  flagCount: 0,
  lastEntryAt: null,
  significant: [],
  verificationCount: 0,
  informations: emptyDict(),
};
