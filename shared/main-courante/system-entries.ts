import { basculeEnded, basculeSet, diversionAdded, diversionEnded, statusChanged } from '../care-map/events.js';
import { debordementEnded, debordementSet } from '../care-map/debordement.js';
import { planBlancDeclared, planBlancLifted } from '../care-map/plan-blanc.js';
import { alertSent, linkAcknowledged } from '../alert-chain/events.js';
import { draftPublished } from '../comms/events.js';
import type { RoomEvent } from '../core/events.js';
import { limits } from '../core/limits.js';
import { sentenceContext, tell, type EstablishmentNames } from '../retex/narrator.js';
import type { RoomState } from '../room-state.js';
import type { ReceivedEntry } from './entry.js';

/**
 * System entries: what the cell did elsewhere in the room (a status reported on the care map, a plan blanc, a bascule
 * or a débordement du 15,
 * a délestage, an alert sent or acknowledged, a communication published), restated in the main courante so the
 * cell's chronology is complete without retyping it. Each is derived from one event of the room log, said by
 * that event's own sentence (`shared/<feature>/sentences.ts`), and written by the server only.
 */

/** The event types restated as system entries. */
const restated = new Set(
  [statusChanged, planBlancDeclared, planBlancLifted, basculeSet, basculeEnded, debordementSet, debordementEnded, diversionAdded, diversionEnded, alertSent, linkAcknowledged, draftPublished].map(
    (s) => s.type,
  ),
);

/** The entry id of the system entry restating event `seq`: one per event, whoever writes it and however often. */
export const systemEntryId = (seq: number) => `systeme-${seq}`;

/** The author a system entry shows when the server itself acted (a stimulus's effect on the care offer). */
export const systemAuthor = 'ORSAN Room';

/**
 * Whether `event` becomes a system entry. The main courante is read by everyone in the room, so only events
 * every participant sees (never the animator kit, never a cell's private traffic); not the room's set-up (the
 * statuses the scenario starts with, written with `room.created`); not an acknowledgement given through a
 * contact's link with a reply, which is already that contact's entry (`shared/notifications/reply-entry.ts`).
 */
export function restatesEvent(event: RoomEvent, state: Pick<RoomState, 'room'>): boolean {
  if (!restated.has(event.type) || event.visibility !== 'all') return false;
  if (event.actor.kind === 'system' && event.commandId === null && event.wallTime === state.room.createdAt) return false;
  return !(linkAcknowledged.is(event) && event.payload.via?.reply);
}

/**
 * The system entry of `event`, or null when it restates nothing. `state` names things (establishments, alert
 * actors, cells) as the room knows them; `clockStarted` says whether the exercise clock ran at the event, so
 * the entry carries the exercise time (T+…) besides the wall time, as a typed entry does.
 */
export function systemEntryOf(event: RoomEvent, state: RoomState, clockStarted: boolean, names?: EstablishmentNames): ReceivedEntry | null {
  if (!restatesEvent(event, state)) return null;
  const { sentence } = tell(event, sentenceContext(state, event.actor, names));
  const { actor } = event;
  const exerciseTime = clockStarted ? event.exerciseTime : null;
  return {
    entry: {
      id: systemEntryId(event.seq),
      type: draftPublished.is(event) ? 'action' : 'information',
      text: sentence.slice(0, limits.maxTextLength),
      sessionId: actor.sessionId ?? 'systeme',
      author: (actor.kind === 'system' ? systemAuthor : actor.name).slice(0, limits.maxNameLength),
      role: actor.role ?? 'director',
      // The cell that acted: the entry belongs to its chronology (and to its filter).
      cell: actor.cell ?? null,
      authoredAt: event.wallTime,
      authoredExerciseTime: exerciseTime,
      significant: false,
      corrects: null,
      links: linksOf(event),
      system: { seq: event.seq, type: event.type },
    },
    receipt: { receivedAt: event.wallTime, receivedExerciseTime: event.exerciseTime, late: false },
  };
}

/** The establishment or alert link the event is about, so the entry's links say it too. */
function linksOf(event: RoomEvent): ReceivedEntry['entry']['links'] {
  if (statusChanged.is(event)) return { finess: event.payload.finess };
  if (basculeSet.is(event) || basculeEnded.is(event)) return { finess: event.payload.samu };
  if (diversionAdded.is(event)) return { finess: event.payload.from };
  if (alertSent.is(event) || linkAcknowledged.is(event)) return { alertLinkId: event.payload.linkId };
  return {};
}

/**
 * The system entries of a run of log events, in order: the clock's state is followed along the run (it
 * starts as `clockStarted`), so each entry knows whether the exercise had begun when its event happened.
 */
export function systemEntriesOf(events: readonly RoomEvent[], state: RoomState, clockStarted: boolean, names?: EstablishmentNames): ReceivedEntry[] {
  let started = clockStarted;
  const entries: ReceivedEntry[] = [];
  for (const event of events) {
    if (event.type === 'clock.changed') started = true;
    const entry = systemEntryOf(event, state, started, names);
    if (entry) entries.push(entry);
  }
  return entries;
}
