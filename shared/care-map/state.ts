import type { Dict } from '../core/dict.js';
import { z } from 'zod';
import type { Role } from '../core/roles.js';
import type { FictionalSite } from './establishment.js';
import type { Due } from '../decisions/due.js';
import type { CareFunction, CareMode } from './modes.js';
import type { CareSpecialty, DataSource } from './offer.js';

/**
 * Warnings the room shows on a bascule or a diversion. They are recomputed after every change, so a
 * diversion made to an open ED becomes flagged the moment that ED closes.
 * - `destination_fermee`: the receiving establishment's emergency department is closed (or it is à l'arrêt);
 * - `destination_arret`: the Samu receiving the calls is itself down;
 * - `destination_critique`: the Samu receiving the calls is in mode critique;
 * - `destination_en_bascule`: the Samu receiving the calls has itself switched its calls elsewhere.
 */
export const CareFlag = z.enum(['destination_fermee', 'destination_arret', 'destination_critique', 'destination_en_bascule']);
export type CareFlag = z.infer<typeof CareFlag>;

export const careFlagLabels: Record<CareFlag, string> = {
  destination_fermee: 'Accueil des urgences fermé à destination',
  destination_arret: "SAMU de destination à l'arrêt",
  destination_critique: 'SAMU de destination en mode critique',
  destination_en_bascule: 'SAMU de destination lui-même en bascule',
};

/** Who made a change, from the event envelope. */
export interface ChangeAuthor {
  name: string;
  role?: Role | undefined;
  cell?: string | undefined;
}

export interface StatusCapacity {
  litsDisponibles: number | null;
  litsFermes: number | null;
  urgencesOuvertes: boolean | null;
}

/** The reported status of one establishment (absent from `statuses` = nothing reported, i.e. normal). */
export interface EstablishmentStatus {
  mode: CareMode;
  functions: Partial<Record<CareFunction, CareMode>>;
  capacity: StatusCapacity;
  situation: string;
  updatedAt: number;
  updatedExerciseTime: number;
  updatedBy: ChangeAuthor;
}

/** The *bascule du 15*: the calls of `samu` are taken by the Samu `to`. */
export interface Bascule {
  samu: string;
  to: string;
  since: number;
  sinceExerciseTime: number;
  by: ChangeAuthor;
  flags: CareFlag[];
}

/**
 * A *débordement* of the 15: part of the calls of `samu` (those it cannot pick up in time) overflow to the Samu
 * `to`, until a planned end (on the room's clock: exercise time in an exercise, wall time in a crisis). Unlike a
 * bascule, `samu` keeps regulating. Passing the planned end changes nothing by itself: the room shows
 * « fin prévue dépassée » until someone ends or extends it.
 */
export interface Debordement {
  samu: string;
  to: string;
  plannedEnd: Due;
  since: number;
  sinceExerciseTime: number;
  by: ChangeAuthor;
  flags: CareFlag[];
}

/** A *plan blanc* in force in an establishment: declared by whom, when (both clocks). */
export interface PlanBlanc {
  finess: string;
  since: number;
  sinceExerciseTime: number;
  by: ChangeAuthor;
  note: string;
}

/** Beds of one specialty (`null`: non renseigné), with where the figures come from and who last gave them. */
export interface SpecialtyBeds {
  disponibles: number | null;
  fermes: number | null;
  source: DataSource;
  updatedAt: number;
  updatedExerciseTime: number;
  updatedBy: ChangeAuthor;
}

/** A délestage: patients of a kind sent from `from` to `to` instead. Ended diversions stay, for the RETEX. */
export interface Diversion {
  id: string;
  from: string;
  to: string;
  patients: string;
  note: string;
  since: number;
  sinceExerciseTime: number;
  by: ChangeAuthor;
  flags: CareFlag[];
  endedAt: number | null;
  endedBy: ChangeAuthor | null;
}

/** One entry of the care-offer history: who changed what, when. `finess` lists every site involved. */
export interface CareChange {
  seq: number;
  type: string;
  finess: string[];
  wallTime: number;
  exerciseTime: number;
  by: ChangeAuthor;
  payload: unknown;
}

export interface CareMapState {
  /** The region loaded at room creation; null until `careMap.regionLoaded`. */
  region: string | null;
  /** FINESS numbers the room knows (region, national layer, fictional sites): commands are checked against them. */
  finessIds: Dict<true>;
  samuIds: Dict<true>;
  fictionalSites: FictionalSite[];
  statuses: Dict<EstablishmentStatus>;
  /** GHT label per establishment, set by hand (the open data has no GHT membership). */
  ghts: Dict<string>;
  /** Active bascules, by the FINESS of the Samu whose calls are taken over. */
  bascules: Dict<Bascule>;
  /** Active débordements, by the FINESS of the Samu whose overflow calls go elsewhere (at most one each). */
  debordements: Dict<Debordement>;
  /** Plans blancs in force, by establishment; a lifted plan blanc leaves only its history. */
  plansBlancs: Dict<PlanBlanc>;
  /** Beds per specialty, by establishment (beside the generic `capacity` of the status). */
  capacities: Dict<Partial<Record<CareSpecialty, SpecialtyBeds>>>;
  diversions: Diversion[];
  /** Every change, oldest first. Kept whole: a crisis has hundreds of changes, not millions. */
  history: CareChange[];
}

export const initialCareMapState: CareMapState = {
  region: null,
  finessIds: {},
  samuIds: {},
  fictionalSites: [],
  statuses: {},
  ghts: {},
  bascules: {},
  debordements: {},
  plansBlancs: {},
  capacities: {},
  diversions: [],
  history: [],
};
