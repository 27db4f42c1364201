import { z } from 'zod';
import { limits } from '../core/limits.js';

/** The public-communication documents a crisis cell drafts. */
export const DraftKind = z.enum(['communique_presse', 'reseaux_sociaux', 'elements_langage', 'note_interne']);
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
}

export interface CommsState {
  /** The cell whose players validate (named by the scenario or the director; the Préfecture by default). */
  validatorCell: string;
  drafts: Draft[];
}

export const initialCommsState: CommsState = { validatorCell: 'prefecture', drafts: [] };

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
