import type { RoomEvent } from '../core/events.js';
import { isVisibleTo, type Viewer } from '../core/visibility.js';
import { applyEvent } from '../domain.js';
import { initialRoomState, type RoomState } from '../room-state.js';
import type { TimelineItem } from './timeline.js';

/**
 * The room as `viewer` saw it at exercise time `t`: the same reducers as the live room, applied to the
 * log's prefix up to the first event stamped after `t`. A prefix (not a filter) keeps replay faithful to
 * what happened in order, even across a clock jumped backwards.
 */
export function replayAt(roomId: string, events: readonly RoomEvent[], viewer: Viewer, t: number): RoomState {
  let state = initialRoomState(roomId);
  for (const event of events) {
    if (event.exerciseTime > t) break;
    if (isVisibleTo(event.visibility, viewer)) state = applyEvent(state, event);
  }
  return state;
}

/** The exercise-time span of a log, for the replay slider: from 0 to the last event's time. */
export function replaySpan(events: readonly RoomEvent[]): { start: number; end: number } {
  return { start: 0, end: events.reduce((max, e) => Math.max(max, e.exerciseTime), 0) };
}

/**
 * The chronology's last `count` lines the replay has reached at `t`: the report's own sentences (one source for
 * the chronology, the replay and the exports), over the same prefix of the log as {@link replayAt}.
 */
export function replayLines(timeline: readonly TimelineItem[], t: number, count = 5): TimelineItem[] {
  const end = timeline.findIndex((item) => item.exerciseTime > t);
  return timeline.slice(0, end === -1 ? timeline.length : end).slice(-count);
}
