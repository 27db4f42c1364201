import type { Now } from '../core/define.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { dueExerciseTime, duePassed } from './due.js';
import { actionOverdue } from './events.js';
import { isOpenAction, type CrisisAction } from './state.js';

const waiting = (a: CrisisAction): a is CrisisAction & { due: NonNullable<CrisisAction['due']> } => isOpenAction(a) && a.due !== null && a.overdueAt === null;

/**
 * Exercise time (ms) of the next open action's due time not yet declared overdue, or null: what the clock
 * automation waits for. A wall-clock due (crisis) is placed on the running clock; a stopped clock places none.
 */
export function nextActionDueAt(state: RoomState): number | null {
  let next: number | null = null;
  for (const action of state.decisions.actions) {
    if (!waiting(action)) continue;
    const at = dueExerciseTime(state.clock, action.due);
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/**
 * One `action.overdue` per open action whose due time has passed at `now` and that is not flagged yet.
 * Pure and idempotent: on the resulting state it returns nothing, so a timer that fires twice (or after a
 * restart) flags each action once. A paused exercise clock does not move, so nothing falls due while paused.
 */
export function overdueActionDrafts(state: RoomState, now: Now): EventDraft[] {
  if (state.clock.status !== 'running') return [];
  return state.decisions.actions.filter(waiting).flatMap((a) => (duePassed(a.due, now) ? [actionOverdue.draft({ id: a.id, due: a.due }, 'all')] : []));
}
