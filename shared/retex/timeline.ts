import type { RoomEvent } from '../core/events.js';
import { findEvent } from '../domain.js';
import { statusChanged } from '../care-map/events.js';
import { stimulusAcknowledged, stimulusInjected, stimulusReplied } from '../exercise/stimuli-events.js';
import { entryAdded } from '../main-courante/events.js';
import { clockChanged } from '../room/events.js';
import { decisionTimelineLabel } from '../decisions/timeline-labels.js';

export type TimelineLane = 'stimuli' | 'alerte' | 'offre' | 'mainCourante' | 'communication' | 'horloge' | 'evaluation' | 'decisions';

export const laneLabels: Record<TimelineLane, string> = {
  stimuli: 'Stimuli',
  alerte: "Chaîne d'alerte",
  offre: 'Offre de soins',
  mainCourante: 'Main courante',
  communication: 'Communication',
  horloge: 'Horloge',
  evaluation: 'Évaluation',
  decisions: 'Décisions et actions',
};

export interface TimelineItem {
  seq: number;
  exerciseTime: number;
  wallTime: number;
  lane: TimelineLane;
  type: string;
  label: string;
  by: string;
}

const lanes: Array<[prefix: string, lane: TimelineLane]> = [
  ['stimulus.', 'stimuli'],
  ['alertChain.', 'alerte'],
  ['careMap.', 'offre'],
  ['mainCourante.', 'mainCourante'],
  ['comms.', 'communication'],
  ['clock.', 'horloge'],
  ['evaluation.', 'evaluation'],
  ['decision.', 'decisions'],
  ['action.', 'decisions'],
];

/** Set-up events describe the room, not what happened in it. */
const setupTypes = new Set(['careMap.regionLoaded', 'alertChain.defined', 'stimulus.created', 'stimulus.edited', 'stimulus.deferred']);

/** One line per meaningful event, in log order, on the lane of its domain. */
export function unifiedTimeline(events: readonly RoomEvent[]): TimelineItem[] {
  return events.flatMap((event) => {
    const lane = lanes.find(([prefix]) => event.type.startsWith(prefix))?.[1];
    if (!lane || setupTypes.has(event.type)) return [];
    return [{ seq: event.seq, exerciseTime: event.exerciseTime, wallTime: event.wallTime, lane, type: event.type, label: labelOf(event), by: event.actor.name }];
  });
}

function labelOf(event: RoomEvent): string {
  if (stimulusInjected.is(event)) {
    const { item } = event.payload;
    return `${item.id} — ${item.subject} (${item.sender.label} → ${item.recipients.join(', ')})`;
  }
  if (stimulusAcknowledged.is(event)) return `Accusé de réception ${event.payload.cell} — ${event.payload.id}`;
  if (stimulusReplied.is(event)) return `Réponse ${event.payload.cell} — ${event.payload.id}`;
  if (entryAdded.is(event)) {
    const { entry } = event.payload;
    return `[${entry.type}] ${entry.author} : ${entry.text.slice(0, 120)}`;
  }
  if (clockChanged.is(event)) return `Horloge : ${event.payload.action}`;
  if (statusChanged.is(event)) {
    const p = event.payload;
    return `${p.finess} : ${[p.mode, p.situation].filter(Boolean).join(' — ') || 'fonctions modifiées'}`;
  }
  return decisionTimelineLabel(event) ?? findEvent(event.type)?.description ?? event.type;
}
