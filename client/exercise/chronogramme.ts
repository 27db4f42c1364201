import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import { objectivesOf, type ExpectedAction, type Stimulus } from '../../shared/exercise/scenario-stimulus.js';
import type { ChronogrammeItem, ExerciseState } from '../../shared/exercise/stimuli-state.js';
import { dueOf } from '../../shared/exercise/scheduling.js';
import { dictGet } from '../../shared/core/dict.js';

/** What the console shows in the "échéance" column of a row of the chronogramme. */
export type RowTiming = { kind: 'due'; at: number; remaining: number } | { kind: 'waiting'; eventType: string } | { kind: 'willCancel' } | { kind: 'done' };

/** The exercise time the row is planned for: its deferral if the animator moved it, else its offset. */
export function plannedAt(item: ChronogrammeItem): number {
  return item.deferredTo ?? parseOffset(item.stimulus.offset);
}

/**
 * When a row goes out, seen from `exerciseNow`, with the scheduler's own rule (`dueOf`):
 * a negative `remaining` means it is overdue (the clock is paused or not started).
 */
export function rowTiming(item: ChronogrammeItem, exerciseNow: number): RowTiming {
  const due = dueOf(item);
  switch (due.kind) {
    case 'due':
      return { kind: 'due', at: due.at, remaining: due.at - exerciseNow };
    case 'waiting':
      return { kind: 'waiting', eventType: item.stimulus.condition?.eventType ?? '' };
    case 'cancelled':
      return { kind: 'willCancel' };
    default:
      return { kind: 'done' };
  }
}

/**
 * A countdown as the console shows it: `dans 04:05`, `dans 1:02:00`; overdue rows read `échu`.
 * Returns the text without the words so that the caller translates them.
 */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

/** An expected action with the stimulus that carries it. */
export interface CarriedAction {
  stimulusId: string;
  action: ExpectedAction;
}

/** Expected actions of the chronogramme for one objective; `injectedOnly` keeps those of delivered stimuli. */
export function expectedActionsFor(animator: ExerciseState['animator'], objectiveId: string, injectedOnly: boolean): CarriedAction[] {
  if (!animator) return [];
  return animator.order.flatMap((id) => {
    const item = dictGet(animator.items, id);
    if (!item || (injectedOnly && item.status !== 'injected')) return [];
    return item.stimulus.expectedActions.filter((a) => objectivesOf(a).includes(objectiveId)).map((action) => ({ stimulusId: id, action }));
  });
}

/** The stimulus of the chronogramme carrying an expected action, if this viewer has the chronogramme. */
export function carrierOf(animator: ExerciseState['animator'], actionId: string): CarriedAction | null {
  for (const id of animator?.order ?? []) {
    const stimulus: Stimulus | undefined = dictGet(animator!.items, id)?.stimulus;
    const action = stimulus?.expectedActions.find((a) => a.id === actionId);
    if (stimulus && action) return { stimulusId: stimulus.id, action };
  }
  return null;
}
