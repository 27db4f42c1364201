import type { AnyCommandSpec, AnyEventSpec, CommandSpec, EventSpec } from './core/define.js';
import type { RoomEvent } from './core/events.js';
import type { EventSentence } from './core/sentence.js';
import type { RoomState } from './room-state.js';
import type { SharedFeature } from './core/shared-feature.js';
import { sharedFeatures } from './features.js';

/** The features as the registry reads them (their literal types matter only to `shared/commands.ts`). */
const features: readonly SharedFeature[] = sharedFeatures;

/**
 * The one registry of the domain: every command a participant may send and every event a room's log may hold,
 * gathered from the features (`shared/features.ts`). Server, client, docs and tests all read it from here.
 */
export const commandSpecs: readonly AnyCommandSpec[] = features.flatMap((f) => f.commands ?? []);
export const eventSpecs: readonly AnyEventSpec[] = features.flatMap((f) => f.events ?? []);
/** The French sentence of each event type, from the feature that owns it (`shared/<f>/sentences.ts`). */
export const eventSentences: readonly EventSentence[] = features.flatMap((f) => f.sentences ?? []);

/**
 * Reducers that look at every event whatever its type, after the event's own reducer
 * (e.g. the chronogramme's conditions: "inject if no alert to the Préfecture by T+30").
 */
const eventWatchers: ReadonlyArray<(state: RoomState, event: RoomEvent) => RoomState> = features.flatMap((f) => f.watchers ?? []);

const commandsByType = new Map(commandSpecs.map((spec) => [spec.type, spec]));
const eventsByType = new Map(eventSpecs.map((spec) => [spec.type, spec]));
const sentencesByType = new Map(eventSentences.map((sentence) => [sentence.type, sentence]));

export function findCommand(type: string): CommandSpec<unknown> | undefined {
  return commandsByType.get(type);
}

export function findEvent(type: string): EventSpec<unknown> | undefined {
  return eventsByType.get(type);
}

export function findSentence(type: string): EventSentence | undefined {
  return sentencesByType.get(type);
}

/**
 * The room reducer: `(state, event) → state`. Unknown event types are kept in the log but change nothing,
 * so an older client survives a newer server's events.
 */
export function applyEvent(state: RoomState, event: RoomEvent): RoomState {
  const spec = eventsByType.get(event.type);
  const next = spec ? spec.apply(state, event.payload, event) : state;
  const watched = eventWatchers.reduce((s, watch) => watch(s, event), next);
  return { ...watched, seq: event.seq };
}

export function reduceEvents(state: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce(applyEvent, state);
}
