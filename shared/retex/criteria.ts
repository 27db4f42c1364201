import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { actionObserved, gridStimulusId, observationRetracted } from '../exercise/evaluation.js';
import { observationKey } from '../exercise/stimuli-state.js';
import { parseOffset } from '../exercise/scenario-offset.js';
import { clockChanged } from '../room/events.js';
import { deadlineStatus, type DeadlineStatus } from './deadline-status.js';
import { gridMeasureAt, gridMeasureLabels, type GridMeasureId } from '../exercise/grid-measures.js';

type Kit = NonNullable<RoomState['exercise']['observerKit']>;

/** One evaluator's tick on a criterion, on both clocks, with the evaluator's comment. */
export interface CriterionTick {
  by: string;
  comment: string;
  exerciseTime: number;
  wallTime: number;
  /** Ticked after FINEX: its exercise time is the FINEX time, not when the action happened. */
  afterFinex: boolean;
  /** The expected action ticked (its label), or null when the evaluator ticked the criterion itself. */
  action: string | null;
}

/** A criterion of the grid as the RETEX reports it. */
export interface CriterionResult {
  id: string;
  label: string;
  /** The latest deadline of the expected actions it lists (exercise ms), or null when none has one. */
  deadline: number | null;
  ticks: CriterionTick[];
  /** The measure of the room the criterion names, and when it was reached (exercise ms), or null when it names none. */
  measure: { id: GridMeasureId; label: string; at: number | null } | null;
  status: DeadlineStatus;
}

/**
 * The grid's criteria of each objective, with their ticks read from the log and their deadline status.
 * A criterion is ticked directly (under the grid), or through one of the expected actions it lists (under the
 * grid or under the action's stimulus); a retraction removes the ticks of its key, as the reducer does.
 * Its deadline is the latest of its actions' deadlines: the criterion holds when everything it lists is due.
 * A criterion's objective is its grid section's: the expected actions' own `objective` field is not read here.
 * A criterion that names a measure (`organisation.craps`…) counts it as evidence, like a tick at the time it was reached.
 */
export function criteriaByObjective(kit: Kit, events: readonly RoomEvent[], reached: number, state: Pick<RoomState, 'organisation'>): Map<string, CriterionResult[]> {
  const ticks = liveTicks(kit, events);
  const out = new Map<string, CriterionResult[]>();
  for (const section of kit.grid) {
    const rows = out.get(section.objectiveId) ?? [];
    for (const criterion of section.criteria) {
      const actionIds = criterion.expectedActionIds ?? [];
      const actions = kit.expectedActions.filter((a) => actionIds.includes(a.id));
      const keys = [observationKey(gridStimulusId, criterion.id), ...actionIds.map((id) => observationKey(gridStimulusId, id)), ...actions.map((a) => observationKey(a.stimulusId, a.id))];
      const own = [...new Set(keys)].flatMap((key) => ticks.get(key) ?? []).sort((a, b) => a.exerciseTime - b.exerciseTime || a.wallTime - b.wallTime);
      const deadlines = actions.flatMap((a) => (a.deadline === undefined ? [] : [parseOffset(a.deadline)]));
      const deadline = criterion.deadline !== undefined ? parseOffset(criterion.deadline) : deadlines.length ? Math.max(...deadlines) : null;
      const measure = criterion.measure ? { id: criterion.measure, label: gridMeasureLabels[criterion.measure], at: gridMeasureAt(state, criterion.measure) } : null;
      const evidence = [...own.map((t) => t.exerciseTime), ...(measure && measure.at !== null ? [measure.at] : [])];
      rows.push({ id: criterion.id, label: criterion.label, deadline, ticks: own, measure, status: deadlineStatus({ deadline, ticks: evidence, reached }) });
    }
    out.set(section.objectiveId, rows);
  }
  return out;
}

/** The ticks still standing at the end of the log, by observation key (a retraction drops the earlier ones). */
function liveTicks(kit: Kit, events: readonly RoomEvent[]): Map<string, CriterionTick[]> {
  const finexSeq = events.find((e) => clockChanged.is(e) && e.payload.action === 'end')?.seq ?? Infinity;
  const actionLabel = (stimulusId: string, actionId: string) => kit.expectedActions.find((a) => a.id === actionId && (stimulusId === gridStimulusId || a.stimulusId === stimulusId))?.label ?? null;
  const ticks = new Map<string, CriterionTick[]>();
  for (const e of events) {
    if (actionObserved.is(e)) {
      const key = observationKey(e.payload.stimulusId, e.payload.actionId);
      const tick: CriterionTick = {
        by: e.actor.name,
        comment: e.payload.comment,
        exerciseTime: e.exerciseTime,
        wallTime: e.wallTime,
        afterFinex: e.seq > finexSeq,
        action: actionLabel(e.payload.stimulusId, e.payload.actionId),
      };
      ticks.set(key, [...(ticks.get(key) ?? []), tick]);
    } else if (observationRetracted.is(e)) {
      ticks.delete(observationKey(e.payload.stimulusId, e.payload.actionId));
    }
  }
  return ticks;
}
