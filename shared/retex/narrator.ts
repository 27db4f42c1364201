import type { RoomEvent } from '../core/events.js';
import type { Actor, Role } from '../core/roles.js';
import type { SentenceContext } from '../core/sentence.js';
import { establishmentDisplayName } from '../care-map/display-name.js';
import { applyEvent, findSentence } from '../domain.js';
import { initialRoomState, type RoomState } from '../room-state.js';

/**
 * The names of the region's establishments by FINESS number: the server's reference files, which the log does
 * not carry (a scenario's fictional sites are in the log, and need none).
 */
export type EstablishmentNames = (finess: string) => string | undefined;

/** An event with its sentence: `quiet` ones are told but left out of the chronology (set-up, bookkeeping). */
export interface NarratedEvent {
  event: RoomEvent;
  sentence: string;
  quiet: boolean;
}

const roleWords: Record<Exclude<Role, 'director'>, string> = { player: 'joueur', evaluator: 'évaluation', observer: 'observation' };

/**
 * A cell by the part of its label before « — » (« ARS Normandie — cellule régionale de crise » → « ARS
 * Normandie »): enough to tell the cells apart, short enough for a sentence; the whole label if two cells share it.
 */
function cellLabeller(state: RoomState): (id: string) => string {
  const short = (label: string) => label.split(' — ')[0]?.trim() || label;
  const shorts = state.room.cells.map((c) => short(c.label));
  return (id) => {
    const cell = state.room.cells.find((c) => c.id === id);
    if (!cell) return `la cellule ${id}`;
    const s = short(cell.label);
    return shorts.filter((x) => x === s).length > 1 ? cell.label : s;
  };
}

/** « Marie Dupont (ARS Normandie) », « Directrice (direction de l'exercice) »; the server by its name. */
function whoOf(actor: Actor, state: RoomState, cell: (id: string) => string): string {
  if (actor.kind === 'system') return actor.name;
  if (actor.cell) return `${actor.name} (${cell(actor.cell)})`;
  if (actor.role === 'director') return `${actor.name} (${state.room.mode === 'crisis' ? 'direction de crise' : "direction de l'exercice"})`;
  return actor.role ? `${actor.name} (${roleWords[actor.role]})` : actor.name;
}

/** What the sentences of `actor`'s event may name things with, in the room `state` as it stood before it. */
export function sentenceContext(state: RoomState, actor: Actor, names?: EstablishmentNames): SentenceContext {
  const cell = cellLabeller(state);
  const chainActor = (id: string) => state.alertChain.actors.find((a) => a.id === id)?.label ?? `l'acteur ${id}`;
  return {
    state,
    who: whoOf(actor, state, cell),
    cell,
    chainActor,
    establishment: (finess) => {
      const name = names?.(finess) ?? state.careMap.fictionalSites.find((s) => s.finess === finess)?.nom;
      return name ? establishmentDisplayName(name) : `l'établissement n° FINESS ${finess}`;
    },
    link: (id) => {
      const link = state.alertChain.links.find((l) => l.id === id);
      return link ? `${chainActor(link.from)} → ${chainActor(link.to)}` : "inconnu de la chaîne d'alerte";
    },
  };
}

/** The sentence of one event; a type this version does not know is named as such rather than guessed at. */
export function tell(event: RoomEvent, context: SentenceContext): { sentence: string; quiet: boolean } {
  const sentence = findSentence(event.type);
  if (!sentence) return { sentence: `Événement d'un type inconnu de cette version (${event.type})`, quiet: false };
  return { sentence: sentence.say(event, context), quiet: sentence.quiet };
}

/**
 * Every event of a log with its sentence, each told against the room as the log's audience saw it just before
 * the event: the same reducers as the live room, folded along the way, so a name is the one the room knew then.
 */
export function narrate(events: readonly RoomEvent[], names?: EstablishmentNames): NarratedEvent[] {
  let state = initialRoomState(events[0]?.roomId ?? '');
  return events.map((event) => {
    const told = tell(event, sentenceContext(state, event.actor, names));
    state = applyEvent(state, event);
    return { event, ...told };
  });
}
