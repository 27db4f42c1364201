import { z } from 'zod';
import { conflict, forbidden, invalid, notFound, type DomainError } from '../core/errors.js';
import type { Role } from '../core/roles.js';
import type { RoomEvent } from '../core/events.js';
import { defineCommand, defineEvent } from '../core/define.js';
import { dictDelete, dictGet, dictSet } from '../core/dict.js';
import type { RoomState } from '../room-state.js';
import { StimulusId } from './scenario-stimulus.js';
import type { CellMember, ExerciseState, InboxItem } from './stimuli-state.js';

/** Who asks to assign: a participant acting for their session's cell. */
export interface AssignViewer {
  role: Role;
  cell?: string | undefined;
  sessionId?: string | undefined;
  name?: string;
}

/** The members of `cell` the room has seen acting, by name. */
export function membersOf(exercise: ExerciseState, cell: string): CellMember[] {
  return Object.values(exercise.cellMembers)
    .filter((m) => m.cell === cell)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/**
 * The member `participantId` may be assigned by `viewer`: themself (a current participant of their own cell by
 * definition), or a player the room has seen acting for the same cell.
 */
function assignable(state: RoomState, viewer: AssignViewer, participantId: string): CellMember | null {
  if (viewer.sessionId === participantId && viewer.cell && viewer.role === 'player') return { sessionId: participantId, name: viewer.name ?? participantId, cell: viewer.cell };
  const member = dictGet(state.exercise.cellMembers, participantId);
  return member && member.cell === viewer.cell ? member : null;
}

/**
 * Why `viewer` may not assign stimulus `stimulusId` to `participantId` (null: take it off whoever has it), or null.
 * A player (or a director given a cell) of a recipient cell assigns within their cell, to a member of it.
 * Shared by the command (which throws it) and the inbox (which disables the select with it as tooltip).
 */
export function assignRefusal(state: RoomState, viewer: AssignViewer, stimulusId: string, participantId: string | null): DomainError | null {
  const item = dictGet(state.exercise.inbox, stimulusId);
  // One answer whether the stimulus does not exist or went to another cell (as `receivedRefusal`): no leak between cells.
  if (!item || !viewer.cell || !item.recipients.includes(viewer.cell)) return notFound(`Stimulus « ${stimulusId} » non reçu par votre cellule.`);
  if (viewer.role !== 'player' && viewer.role !== 'director') return forbidden('Seuls les membres de la cellule attribuent un stimulus.');
  const current = dictGet(item.assignees, viewer.cell);
  if (participantId === null) return current ? null : conflict(`Le stimulus « ${stimulusId} » n'est attribué à personne.`);
  if (!assignable(state, viewer, participantId)) return invalid(`Cette personne n'est pas membre de votre cellule : le stimulus ne peut pas lui être attribué.`);
  if (current?.sessionId === participantId) return conflict(`Le stimulus « ${stimulusId} » est déjà attribué à ${current.name}.`);
  return null;
}

export const stimulusAssigned = defineEvent({
  type: 'stimulus.assigned',
  description: "Une cellule attribue un stimulus reçu à l'un de ses membres (ou le lui retire : `assignee` nul).",
  payload: z.object({ id: z.string(), cell: z.string(), assignee: z.object({ sessionId: z.string(), name: z.string() }).nullable() }),
  apply: (state, { id, cell, assignee }, event) => {
    const item = dictGet(state.exercise.inbox, id);
    if (!item) return state;
    const assignees = item.assignees ?? {};
    const next: InboxItem = {
      ...item,
      assignees: assignee ? dictSet(assignees, cell, { ...assignee, by: event.actor.name, exerciseTime: event.exerciseTime, wallTime: event.wallTime }) : dictDelete(assignees, cell),
    };
    return { ...state, exercise: { ...state.exercise, inbox: dictSet(state.exercise.inbox, id, next) } };
  },
});

export const assignStimulus = defineCommand({
  type: 'stimulus.assign',
  description: "Attribuer un stimulus reçu par sa cellule à l'un de ses membres (`participantId` : son identifiant de session), ou le retirer (`null`).",
  payload: z.object({ stimulusId: StimulusId, participantId: z.string().min(1).max(64).nullable() }),
  allowed: ['player', 'director'],
  example: { stimulusId: 'S01', participantId: 's-ars-1' },
  decide: ({ state, payload, actor }) => {
    const refusal = assignRefusal(state, actor, payload.stimulusId, payload.participantId);
    if (refusal) throw refusal;
    const cell = actor.cell!;
    const member = payload.participantId === null ? null : assignable(state, actor, payload.participantId)!;
    const assignee = member && { sessionId: member.sessionId, name: member.name };
    return [stimulusAssigned.draft({ id: payload.stimulusId, cell, assignee }, { cells: [cell] })];
  },
});

/**
 * Keeps the roster of cell members: every player who acts in the room (acknowledges, writes, assigns…) is
 * known to it by session, with the name they act under. Runs after each event's reducer.
 */
export function watchCellMembers(state: RoomState, event: RoomEvent): RoomState {
  const { actor } = event;
  if (actor.kind !== 'participant' || actor.role !== 'player' || !actor.cell || !actor.sessionId) return state;
  const known = dictGet(state.exercise.cellMembers, actor.sessionId);
  if (known && known.name === actor.name && known.cell === actor.cell) return state;
  const member: CellMember = { sessionId: actor.sessionId, name: actor.name, cell: actor.cell };
  return { ...state, exercise: { ...state.exercise, cellMembers: dictSet(state.exercise.cellMembers, actor.sessionId, member) } };
}
