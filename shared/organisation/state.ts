import type { Role } from '../core/roles.js';

/**
 * The crisis organisation of the room (issue 19): how far the ARS is mobilised, whether its regional cell (CRAPS)
 * is activated, who holds each function of the cell, whether the Préfecture's COD is open. Every change is an
 * event with who and when; the plans blancs of the establishments belong to the care map, not here.
 */
export const mobilisationLevels = ['veille', 'niveau-1', 'niveau-2', 'niveau-3'] as const;
export type MobilisationLevel = (typeof mobilisationLevels)[number];

/** The functions of the cell's chart, in the order the chart lists them. */
export const crisisFunctions = ['direction', 'main-courante', 'communication', 'liaison-prefecture', 'offre-de-soins'] as const;
export type CrisisFunction = (typeof crisisFunctions)[number];

export interface OrganisationAuthor {
  name: string;
  role: Role | null;
  cell: string | null;
}

/** When something happened, on both clocks (exercise ms since T0/DEBEX, epoch ms). */
export interface OrganisationStamp {
  wallTime: number;
  exerciseTime: number;
}

/** A change of the organisation: who made it, when. */
export interface OrganisationChange {
  by: OrganisationAuthor;
  at: OrganisationStamp;
}

export interface MobilisationState {
  level: MobilisationLevel;
  note: string | null;
  /** The last change of level; null while the ARS is at its initial « veille ». */
  changed: OrganisationChange | null;
  /** When each level was first reached (the measures read it): absent for a level never reached. */
  reached: Partial<Record<MobilisationLevel, OrganisationStamp>>;
}

/** The CRAPS or the COD: open or not, since when, and when it was first opened (the measure). */
export interface CellActivation {
  active: boolean;
  /** The last activation or deactivation; null while never activated. */
  changed: OrganisationChange | null;
  firstActivatedAt: OrganisationStamp | null;
}

/** Who holds a function: a member of the cell the room knows (with their session) or a name typed in. */
export interface FunctionHolder {
  name: string;
  /** The member's session when chosen from the cell's roster; null for a typed name. */
  sessionId: string | null;
  assigned: OrganisationChange;
}

export interface OrganisationState {
  mobilisation: MobilisationState;
  craps: CellActivation;
  cod: CellActivation;
  /** The function chart: each function's holder, null while nobody holds it. */
  functions: Record<CrisisFunction, FunctionHolder | null>;
}

const inactive: CellActivation = { active: false, changed: null, firstActivatedAt: null };

export const initialOrganisationState: OrganisationState = {
  mobilisation: { level: 'veille', note: null, changed: null, reached: {} },
  craps: inactive,
  cod: inactive,
  functions: { direction: null, 'main-courante': null, communication: null, 'liaison-prefecture': null, 'offre-de-soins': null },
};
