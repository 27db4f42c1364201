import { z } from 'zod';
import { limits } from '../core/limits.js';
import type { Channel } from '../core/channels.js';

/** The public-communication documents a crisis cell drafts. */
export const DraftKind = z.enum(['communique_presse', 'reseaux_sociaux', 'elements_langage', 'note_interne', 'note_aux_elus', 'point_presse']);
export type DraftKind = z.infer<typeof DraftKind>;

/**
 * brouillon → soumis → validé → publié, or soumis → à reprendre → soumis… A validated or published draft can be
 * reopened: that starts a new cycle (a new version), the frozen versions stay as they are.
 */
export const DraftStatus = z.enum(['brouillon', 'soumis', 'valide', 'a_reprendre', 'publie']);
export type DraftStatus = z.infer<typeof DraftStatus>;

export const DraftId = z.string().regex(/^d[0-9]{1,6}$/, 'identifiant de brouillon attendu (d1, d2…)');
export type DraftId = z.infer<typeof DraftId>;

export const DraftTitle = z.string().trim().min(1).max(limits.maxTitleLength);

/** Largest text a draft may be frozen with (a communiqué is a page; this is a generous ceiling). */
export const maxDraftTextLength = 100_000;

export interface Signer {
  sessionId: string;
  name: string;
  cell: string | null;
}

/** The text the server read from the draft's document when it was submitted: what validators review. */
export interface Seal {
  cycle: number;
  hash: string;
  text: string;
  at: number;
}

/** A validated text, frozen: its hash, who validated it and when. Never changes afterwards. */
export interface DraftVersion {
  number: number;
  hash: string;
  text: string;
  validatedBy: Signer;
  validatedAt: number;
  validatedExerciseTime: number;
  publishedAt: number | null;
  publishedBy: Signer | null;
  /** A joint product: each party cell's validation of this very text (empty for a draft one cell validates). */
  approvals: JointApproval[];
}

/** One party cell's validation of a joint draft's sealed text: which text (fingerprint), who, when on both clocks. */
export interface JointApproval {
  cell: string;
  cycle: number;
  hash: string;
  by: Signer;
  at: number;
  exerciseTime: number;
}

export interface DraftReview {
  cycle: number;
  by: Signer;
  at: number;
  comments: string;
}

export interface Draft {
  id: DraftId;
  kind: DraftKind;
  title: string;
  status: DraftStatus;
  createdBy: Signer;
  createdAt: number;
  /** Starts at 1; each reopening after validation starts the next cycle, which becomes the next version. */
  cycle: number;
  sealed: Seal | null;
  reviews: DraftReview[];
  versions: DraftVersion[];
  /** « Validation conjointe ARS + Préfecture »: final only when both cells validated the same sealed text. */
  joint: boolean;
  /** The party cells' validations of the current cycle not yet gathered into a version (`joint.ts`). */
  approvals: JointApproval[];
}

/** A denial of a rumour: a text, or a published communication (its version then). */
export interface RumourDenial {
  text: string;
  draftId: DraftId | null;
  version: number | null;
  by: Signer;
  at: number;
  exerciseTime: number;
}

/** A rumour the cell saw circulating (`rumour.ts`): where, who spreads it, when seen on both clocks, its denial. */
export interface Rumour {
  id: string;
  text: string;
  channel: Channel;
  /** Who spreads it, as the cell noted it (« compte anonyme », « France Bleu »); may be empty. */
  source: string;
  by: Signer;
  /** When it was seen: the recording time, less the minutes the recorder said. */
  seenAt: number;
  seenExerciseTime: number;
  denial: RumourDenial | null;
}

export interface CommsState {
  /** The cell whose players validate (named by the scenario or the director; the Préfecture by default). */
  validatorCell: string;
  drafts: Draft[];
  /** The rumours seen and their denials (`rumours.ts`). */
  rumours: Rumour[];
}

export const initialCommsState: CommsState = { validatorCell: 'prefecture', drafts: [], rumours: [] };

/** The Yjs document of a draft: `comms-d3`; its rich text is the XmlFragment `default` (the TipTap field). */
export const draftDocName = (draftId: string) => `comms-${draftId}`;
export const draftFragmentName = 'default';

export function draftIdOfDoc(docName: string): DraftId | null {
  const parsed = DraftId.safeParse(docName.startsWith('comms-') ? docName.slice('comms-'.length) : '');
  return parsed.success ? parsed.data : null;
}

/** While submitted, validated or published the text is frozen: the server refuses edits to the document. */
export function isEditable(status: DraftStatus): boolean {
  return status === 'brouillon' || status === 'a_reprendre';
}
