import type { RoomEvent } from '../core/events.js';
import { narrate, type EstablishmentNames } from './narrator.js';

export type TimelineLane = 'stimuli' | 'alerte' | 'offre' | 'mainCourante' | 'communication' | 'horloge' | 'evaluation' | 'decisions' | 'organisation';

export const laneLabels: Record<TimelineLane, string> = {
  stimuli: 'Stimuli',
  alerte: "Chaîne d'alerte",
  offre: 'Offre de soins',
  mainCourante: 'Main courante',
  communication: 'Communication',
  horloge: 'Horloge',
  evaluation: 'Évaluation',
  decisions: 'Décisions et actions',
  organisation: 'Organisation de crise',
};

export interface TimelineItem {
  seq: number;
  exerciseTime: number;
  wallTime: number;
  lane: TimelineLane;
  type: string;
  /** The event's sentence (`shared/<feature>/sentences.ts`), with « (×3) » when identical lines were merged. */
  label: string;
  by: string;
}

const lanes: Array<[prefix: string, lane: TimelineLane]> = [
  ['stimulus.', 'stimuli'],
  ['alertChain.', 'alerte'],
  // The outbox and the phone calls are how an alert actually travelled.
  ['notification.', 'alerte'],
  ['careMap.', 'offre'],
  ['mainCourante.', 'mainCourante'],
  ['comms.', 'communication'],
  ['clock.', 'horloge'],
  ['evaluation.', 'evaluation'],
  ['decision.', 'decisions'],
  ['action.', 'decisions'],
  ['organisation.', 'organisation'],
];

/**
 * How many events open the log as the room's creation wrote them (one append by the server, at T+0, with
 * `room.created`): the region, the GHT memberships, the initial statuses, the scenario's actions. They describe
 * the room as it starts, not what happened in it.
 */
function creationLength(events: readonly RoomEvent[]): number {
  const first = events[0];
  if (first?.type !== 'room.created') return 0;
  const sameAppend = (e: RoomEvent) => e.actor.kind === 'system' && e.wallTime === first.wallTime && e.exerciseTime === 0 && e.commandId === null;
  const end = events.findIndex((e) => !sameAppend(e));
  return end === -1 ? events.length : end;
}

/**
 * One line per meaningful event, in log order, on the lane of its domain, each said by the one sentence source
 * (`narrator.ts`). Set-up and bookkeeping events are left out; identical lines of one actor at one instant
 * become one line (« (×4) »). The opening clock start (a crisis's T0) is kept: it is when the crisis began.
 */
export function unifiedTimeline(events: readonly RoomEvent[], names?: EstablishmentNames): TimelineItem[] {
  const creation = creationLength(events);
  const items: Array<TimelineItem & { count: number; sentence: string }> = [];
  narrate(events, names).forEach(({ event, sentence, quiet }, index) => {
    const lane = lanes.find(([prefix]) => event.type.startsWith(prefix))?.[1];
    if (!lane || quiet || (index < creation && event.type !== 'clock.changed')) return;
    const last = items.at(-1);
    if (last && last.sentence === sentence && last.lane === lane && last.exerciseTime === event.exerciseTime && last.by === event.actor.name) {
      last.count += 1;
      return;
    }
    items.push({ seq: event.seq, exerciseTime: event.exerciseTime, wallTime: event.wallTime, lane, type: event.type, label: sentence, by: event.actor.name, count: 1, sentence });
  });
  return items.map(({ count, sentence, ...item }) => ({ ...item, label: count > 1 ? `${sentence} (×${count})` : sentence }));
}
