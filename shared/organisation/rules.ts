import { DomainError, conflict, forbidden, invalid } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import { dictGet } from '../core/dict.js';
import { membersOf } from '../exercise/stimulus-assignment.js';
import type { CellMember } from '../exercise/stimuli-state.js';
import type { RoomState } from '../room-state.js';
import { functionLabels, mobilisationLabels } from './labels.js';
import type { CrisisFunction, MobilisationLevel } from './state.js';

/**
 * Who may change what in the crisis organisation, shared by the commands (which throw the refusal) and the
 * client (which shows a button only when the refusal is null):
 * - the ARS cell (and the director: animator or crisis director) sets the mobilisation level, activates or
 *   stands down the CRAPS and fills the function chart;
 * - the Préfecture cell (and the director) opens and closes the COD;
 * - observers and evaluators read it (the permission matrix already refuses them).
 */
export interface OrganisationViewer {
  role: Role;
  cell?: string | undefined;
  sessionId?: string | undefined;
  name?: string;
}

/** The cell that runs the ARS's organisation, and the one that runs the COD (both required by every scenario). */
export const arsCell = 'ars';
export const prefectureCell = 'prefecture';

function startedRefusal(state: RoomState): DomainError | null {
  return state.clock.status === 'not_started' ? conflict("L'exercice n'a pas démarré (DEBEX) : l'organisation de crise part de T0.") : null;
}

function cellRefusal(viewer: OrganisationViewer, cell: string, what: string): DomainError | null {
  if (viewer.role === 'director') return null;
  if (viewer.role === 'player' && viewer.cell === cell) return null;
  return forbidden(cell === arsCell ? `Seule la cellule ARS (ou la direction) ${what}.` : `Seule la cellule Préfecture (ou la direction) ${what}.`);
}

/** Why `viewer` may change nothing of the ARS's organisation (level, CRAPS, chart), or null: the forms show when null. */
export function arsOrganisationRefusal(state: RoomState, viewer: OrganisationViewer): DomainError | null {
  return cellRefusal(viewer, arsCell, "organise la cellule de l'ARS") ?? startedRefusal(state);
}

/** Why `viewer` may not set the ARS's mobilisation to `level`, or null. */
export function mobilisationRefusal(state: RoomState, viewer: OrganisationViewer, level: MobilisationLevel): DomainError | null {
  const refusal = cellRefusal(viewer, arsCell, "fixe le niveau de mobilisation de l'ARS") ?? startedRefusal(state);
  if (refusal) return refusal;
  return state.organisation.mobilisation.level === level ? conflict(`L'ARS est déjà en ${mobilisationLabels[level]}.`) : null;
}

/** Why `viewer` may not activate (`active`) or stand down the CRAPS, or null. */
export function crapsRefusal(state: RoomState, viewer: OrganisationViewer, active: boolean): DomainError | null {
  const refusal = cellRefusal(viewer, arsCell, active ? 'active la CRAPS' : 'désactive la CRAPS') ?? startedRefusal(state);
  if (refusal) return refusal;
  if (state.organisation.craps.active === active) return conflict(active ? 'La CRAPS est déjà activée.' : "La CRAPS n'est pas activée.");
  return null;
}

/** Why `viewer` may not open (`open`) or close the COD, or null. */
export function codRefusal(state: RoomState, viewer: OrganisationViewer, open: boolean): DomainError | null {
  const refusal = cellRefusal(viewer, prefectureCell, open ? 'ouvre le COD' : 'ferme le COD') ?? startedRefusal(state);
  if (refusal) return refusal;
  if (state.organisation.cod.active === open) return conflict(open ? 'Le COD est déjà ouvert.' : "Le COD n'est pas ouvert.");
  return null;
}

/** Who a function is given to: a member of the ARS cell by session, a name typed in, or nobody (`null`). */
export type HolderChoice = { participantId: string } | { name: string } | null;

/** The members of the ARS cell the chart offers (the room's roster of who acted for the cell). */
export const chartMembers = (state: RoomState): CellMember[] => membersOf(state.exercise, arsCell);

/** The member `participantId` stands for: the viewer themself when they are of the ARS cell, or one of its roster. */
export function chartMember(state: RoomState, viewer: OrganisationViewer, participantId: string): CellMember | null {
  if (viewer.sessionId === participantId && viewer.role === 'player' && viewer.cell === arsCell) return { sessionId: participantId, name: viewer.name ?? participantId, cell: arsCell };
  const member = dictGet(state.exercise.cellMembers, participantId);
  return member && member.cell === arsCell ? member : null;
}

/** The holder's name and session a choice leads to (null: nobody), or the refusal when the member is unknown. */
export function holderOf(state: RoomState, viewer: OrganisationViewer, choice: HolderChoice): { name: string; sessionId: string | null } | null | DomainError {
  if (choice === null) return null;
  if ('name' in choice) return { name: choice.name, sessionId: null };
  const member = chartMember(state, viewer, choice.participantId);
  return member ? { name: member.name, sessionId: member.sessionId } : invalid("Cette personne n'est pas membre de la cellule ARS : choisissez un membre ou saisissez un nom.");
}

/** Why `viewer` may not give `fn` to `choice` (null: nobody), or null. */
export function assignFunctionRefusal(state: RoomState, viewer: OrganisationViewer, fn: CrisisFunction, choice: HolderChoice): DomainError | null {
  const refusal = cellRefusal(viewer, arsCell, 'répartit les fonctions de la cellule') ?? startedRefusal(state);
  if (refusal) return refusal;
  const holder = holderOf(state, viewer, choice);
  if (holder instanceof DomainError) return holder;
  const current = state.organisation.functions[fn];
  if (holder === null) return current ? null : conflict(`La fonction « ${functionLabels[fn]} » n'est tenue par personne.`);
  if (current && current.name === holder.name && current.sessionId === holder.sessionId) return conflict(`La fonction « ${functionLabels[fn]} » est déjà tenue par ${holder.name}.`);
  return null;
}

/**
 * The choice a name typed in the chart stands for: the ARS member of that name (the roster, or the viewer themself
 * in the ARS cell), so the function is tied to their session; any other name as typed.
 */
export function choiceForName(state: RoomState, viewer: OrganisationViewer, name: string): HolderChoice {
  const typed = name.trim();
  const member = chartMembers(state).find((m) => m.name === typed) ?? (viewer.sessionId && viewer.name === typed ? chartMember(state, viewer, viewer.sessionId) : null);
  return member ? { participantId: member.sessionId } : { name: typed };
}
