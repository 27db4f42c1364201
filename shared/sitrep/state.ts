import { z } from 'zod';
import type { Role } from '../core/roles.js';
import type { SitrepSnapshot } from './snapshot-schema.js';

/**
 * Points de situation (issue 14): numbered reports assembled from the room's state, whose free-text summary is
 * co-edited in a Yjs document, then submitted, validated by the designated cell and frozen by the server
 * (text + SHA-256 in the log). brouillon → soumis → validé → figé; soumis → brouillon when the validator rejects.
 * `valide` lasts the instant between the validation and the server's `sitrep.frozen`.
 */
export const SitrepStatus = z.enum(['brouillon', 'soumis', 'valide', 'fige']);
export type SitrepStatus = z.infer<typeof SitrepStatus>;

/** Where the animation "receives" a point in an exercise (the COD, the CORRUSS, the ARS management are played). */
export const SitrepRecipient = z.enum(['cod', 'corruss', 'direction-ars']);
export type SitrepRecipient = z.infer<typeof SitrepRecipient>;

export const SitrepNumber = z.number().int().min(1).max(10_000);

/** The cells whose players write the summary (with the director); everybody else in the room reads it. */
export const sitrepWriterCells: readonly string[] = ['ars', 'prefecture'];

/** Largest summary text a point is frozen with. */
export const maxSitrepTextLength = 100_000;

export interface SitrepSigner {
  name: string;
  role: Role | null;
  cell: string | null;
}

export interface SitrepStamp {
  wallTime: number;
  exerciseTime: number;
}

export interface SitrepPoint {
  n: number;
  status: SitrepStatus;
  /** The time the point is "of" (`Point de situation n°3 — 14 h 00`), on both clocks. */
  at: SitrepStamp;
  openedBy: SitrepSigner;
  snapshot: SitrepSnapshot;
  submitted: { by: SitrepSigner; at: SitrepStamp } | null;
  validated: { by: SitrepSigner; at: SitrepStamp } | null;
  /** Written by the server once validated: the summary as read from its own copy of the document. Never changes. */
  frozen: { text: string; hash: string; at: SitrepStamp } | null;
  rejections: Array<{ by: SitrepSigner; reason: string; at: SitrepStamp }>;
  sentTo: Array<{ to: SitrepRecipient; by: SitrepSigner; at: SitrepStamp }>;
}

/** « Toutes les 2 h à partir de 10 h 00 », on the exercise clock (a wall time is converted when it is set). */
export interface SitrepSchedule {
  everyMinutes: number;
  /** The first due point (exercise ms). */
  firstDueAt: number;
  /** The wall time the director gave, when the schedule was set that way (crisis), for display. */
  fromWallTime: number | null;
  /** When the schedule was set (exercise ms): due points before it are neither reminded nor counted late. */
  setAt: number;
}

export interface SitrepState {
  /** The cell whose players validate (the Préfecture by default); the director may always. */
  validatorCell: string;
  schedule: SitrepSchedule | null;
  points: SitrepPoint[];
  /** Due times (exercise ms) already reminded, and declared late: each happens once. */
  reminded: number[];
  late: number[];
}

export const initialSitrepState: SitrepState = { validatorCell: 'prefecture', schedule: null, points: [], reminded: [], late: [] };

/** Minutes before a due point at which the server reminds the cell. */
export const reminderLeadMinutes = 15;

/** The Yjs document of point n: `sitrep-3`; its rich text is the XmlFragment `default` (the TipTap field). */
export const sitrepDocName = (n: number) => `sitrep-${n}`;
export const sitrepFragmentName = 'default';

export function sitrepNumberOfDoc(docName: string): number | null {
  const match = /^sitrep-([1-9][0-9]{0,4})$/.exec(docName);
  return match ? Number(match[1]) : null;
}

export const findPoint = (state: SitrepState, n: number): SitrepPoint | undefined => state.points.find((p) => p.n === n);
