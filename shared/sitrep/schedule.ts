import type { Now } from '../core/define.js';
import type { EventDraft } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { reminderLeadMinutes, type SitrepSchedule, type SitrepState } from './state.js';
import { sitrepLate, sitrepReminder } from './events.js';

/**
 * The schedule of points de situation, pure, on the exercise clock (ms since DEBEX or T0). Due points are
 * `firstDueAt + k × every`; a due point D is met when a point is validated in (D − every, D]. The server
 * reminds the cell `reminderLeadMinutes` before D and declares D late one millisecond after it, each once
 * (`state.sitrep.reminded`, `state.sitrep.late`), through `runOnExerciseClock`.
 */
const minute = 60_000;
const leadMs = reminderLeadMinutes * minute;
/** A clock jump of weeks must not loop for ever: past this many due points, the rest wait for the next batch. */
const maxDuePerBatch = 500;

const stepOf = (s: SitrepSchedule) => s.everyMinutes * minute;

/** The first due point after the schedule was set. */
function firstIndex(s: SitrepSchedule): number {
  return s.firstDueAt > s.setAt ? 0 : Math.floor((s.setAt - s.firstDueAt) / stepOf(s)) + 1;
}

const dueAt = (s: SitrepSchedule, k: number) => s.firstDueAt + k * stepOf(s);

/** Whether a point was validated in time for the due point `due`. */
export function isDueMet(sitrep: SitrepState, due: number): boolean {
  const s = sitrep.schedule;
  if (!s) return true;
  return sitrep.points.some((p) => p.validated !== null && p.validated.at.exerciseTime > due - stepOf(s) && p.validated.at.exerciseTime <= due);
}

/** The next due point at or after `exerciseTime`; null without a schedule. */
export function nextDueAt(sitrep: SitrepState, exerciseTime: number): number | null {
  const s = sitrep.schedule;
  if (!s) return null;
  const k = Math.max(firstIndex(s), Math.ceil((exerciseTime - s.firstDueAt) / stepOf(s)));
  return dueAt(s, k);
}

/**
 * The due point the cell is late for at `exerciseTime`: the last one passed without a point validated in time,
 * as long as no point has been validated since. Null when nothing is late (what the header shows).
 */
export function latePoint(sitrep: SitrepState, exerciseTime: number): number | null {
  const s = sitrep.schedule;
  if (!s) return null;
  const k = Math.floor((exerciseTime - 1 - s.firstDueAt) / stepOf(s));
  if (k < firstIndex(s)) return null;
  const last = dueAt(s, k);
  if (isDueMet(sitrep, last)) return null;
  return sitrep.points.some((p) => p.validated !== null && p.validated.at.exerciseTime > last) ? null : last;
}

/** What each due point still needs, in order: a reminder (at D − lead), then the late check (at D + 1). */
function* pendingSteps(sitrep: SitrepState): Generator<{ due: number; kind: 'reminder' | 'late'; at: number }> {
  const s = sitrep.schedule;
  if (!s) return;
  const reminded = new Set(sitrep.reminded);
  const late = new Set(sitrep.late);
  for (let k = firstIndex(s); ; k++) {
    const due = dueAt(s, k);
    if (late.has(due) || isDueMet(sitrep, due)) continue;
    if (!reminded.has(due) && due - leadMs >= s.setAt) yield { due, kind: 'reminder', at: due - leadMs };
    yield { due, kind: 'late', at: due + 1 };
  }
}

/** Exercise time of the next reminder or late check; null without a schedule (the automation's `nextDue`). */
export function nextScheduleInstant(state: RoomState): number | null {
  // A due point already past with its reminder not sent yields the reminder's instant: the batch then settles
  // it with the late declaration alone (see `scheduleDrafts`).
  for (const step of pendingSteps(state.sitrep)) return step.at;
  return null;
}

/** The reminders and late declarations due at `now` (idempotent: recorded steps are not repeated). */
export function scheduleDrafts(state: RoomState, now: Now): EventDraft[] {
  const drafts: EventDraft[] = [];
  let count = 0;
  for (const step of pendingSteps(state.sitrep)) {
    if (step.at > now.exerciseTime || count++ > maxDuePerBatch) break;
    // Once the due point itself has passed, the reminder is pointless: only the late declaration is kept.
    if (step.kind === 'reminder' && now.exerciseTime > step.due) continue;
    drafts.push(step.kind === 'reminder' ? sitrepReminder.draft({ dueAt: step.due }, 'all') : sitrepLate.draft({ dueAt: step.due }, 'all'));
  }
  return drafts;
}
