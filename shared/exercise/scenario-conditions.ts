import { parseOffset } from './scenario-offset.js';
import type { EventMatch, Stimulus, StimulusCondition } from './scenario-stimulus.js';
import { ownValue } from '../core/dict.js';

/**
 * The meaning of a stimulus condition, in one place, for the scheduler and for the docs' examples.
 * Times are exercise times (ms since DEBEX).
 */

/** Reads `a.b.c` in a payload; undefined when a step is missing. */
function readPath(payload: unknown, path: string): unknown {
  let value: unknown = payload;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    // Own keys only: a path step named `constructor` is a missing field, not Object.prototype's.
    value = ownValue(value as Record<string, unknown>, key);
  }
  return value;
}

/** True when every path of `match` equals its value in the payload (no match: every event of the type matches). */
export function payloadMatches(match: EventMatch | undefined, payload: unknown): boolean {
  return Object.entries(match ?? {}).every(([path, expected]) => readPath(payload, path) === expected);
}

/** The subset of a room event a condition looks at (a `RoomEvent` fits). */
export interface ObservedEvent {
  type: string;
  exerciseTime: number;
  payload: unknown;
  actor: { kind: 'participant' | 'system' };
}

/**
 * True when the event satisfies the condition: its type, its payload, and a participant as its author.
 * Events the server appends itself (a stimulus's care-map effects, the scheduler) never count,
 * or a stimulus's own effect could cancel its contingency.
 */
export function eventSatisfies(condition: StimulusCondition, event: ObservedEvent): boolean {
  return event.actor.kind !== 'system' && event.type === condition.eventType && payloadMatches(condition.match, event.payload);
}

/** Exercise time of the first event that satisfies the condition, or null. */
export function firstMatchTime(condition: StimulusCondition, events: Iterable<ObservedEvent>): number | null {
  let first: number | null = null;
  for (const event of events) {
    if (!eventSatisfies(condition, event)) continue;
    if (first === null || event.exerciseTime < first) first = event.exerciseTime;
  }
  return first;
}

/** `due`: inject at `at`; `waiting`: its event has not happened yet; `cancelled`: the players did what it checks for. */
export type StimulusDue = { kind: 'due'; at: number } | { kind: 'waiting' } | { kind: 'cancelled' };

/**
 * When a stimulus should be injected, given the first matching event so far.
 * - no condition: at its offset;
 * - `if_no_event`: cancelled if a matching event happened at or before `by`, otherwise at its offset;
 * - `after_event`: `delay` after the matching event, never before its offset; waiting until the event happens.
 * @example stimulusDue({ offset: '00:30', condition: { kind: 'if_no_event', eventType: 'alert.sent', by: '00:30' }, … }, 900_000) // { kind: 'cancelled' }
 */
export function stimulusDue(stimulus: Pick<Stimulus, 'offset' | 'condition'>, firstMatchAt: number | null): StimulusDue {
  const offset = parseOffset(stimulus.offset);
  const condition = stimulus.condition;
  if (!condition) return { kind: 'due', at: offset };
  if (condition.kind === 'if_no_event') {
    return firstMatchAt !== null && firstMatchAt <= parseOffset(condition.by) ? { kind: 'cancelled' } : { kind: 'due', at: offset };
  }
  if (firstMatchAt === null) return { kind: 'waiting' };
  return { kind: 'due', at: Math.max(offset, firstMatchAt + parseOffset(condition.delay)) };
}
