import type { RoomEvent } from '../core/events.js';
import { findEvent } from '../domain.js';

export type TimelineLane = 'stimuli' | 'alerte' | 'offre' | 'mainCourante' | 'communication' | 'horloge' | 'evaluation';

export const laneLabels: Record<TimelineLane, string> = {
  stimuli: 'Stimuli',
  alerte: "Chaîne d'alerte",
  offre: 'Offre de soins',
  mainCourante: 'Main courante',
  communication: 'Communication',
  horloge: 'Horloge',
  evaluation: 'Évaluation',
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
  const p = event.payload as Record<string, any>;
  switch (event.type) {
    case 'stimulus.injected':
      return `${p.item.id} — ${p.item.subject} (${p.item.sender.label} → ${p.item.recipients.join(', ')})`;
    case 'stimulus.acknowledged':
      return `Accusé de réception ${p.cell} — ${p.id}`;
    case 'stimulus.replied':
      return `Réponse ${p.cell} — ${p.id}`;
    case 'mainCourante.entryAdded':
      return `[${p.entry.type}] ${p.entry.author} : ${String(p.entry.text).slice(0, 120)}`;
    case 'clock.changed':
      return `Horloge : ${p.action}`;
    case 'careMap.statusChanged':
      return `${p.finess} : ${[p.mode, p.situation].filter(Boolean).join(' — ') || 'fonctions modifiées'}`;
    default:
      return findEvent(event.type)?.description ?? event.type;
  }
}
