import type { CommandSpec, EventSpec } from './core/define.js';
import type { RoomEvent } from './core/events.js';
import type { RoomState } from './room-state.js';
import { roomCommands } from './room/commands.js';
import { roomEvents } from './room/events.js';
import { clockCommands } from './exercise/clock-commands.js';

/**
 * The one registry of the domain: every command a participant may send and every event a room's log may hold.
 * Server, client, docs and tests all read it from here. A domain adds its lists below.
 */
export const commandSpecs: readonly CommandSpec<any>[] = [...roomCommands, ...clockCommands];
export const eventSpecs: readonly EventSpec<any>[] = [...roomEvents];

const commandsByType = new Map(commandSpecs.map((spec) => [spec.type, spec]));
const eventsByType = new Map(eventSpecs.map((spec) => [spec.type, spec]));

export function findCommand(type: string): CommandSpec<unknown> | undefined {
  return commandsByType.get(type);
}

export function findEvent(type: string): EventSpec<unknown> | undefined {
  return eventsByType.get(type);
}

/**
 * The room reducer: `(state, event) → state`. Unknown event types are kept in the log but change nothing,
 * so an older client survives a newer server's events.
 */
export function applyEvent(state: RoomState, event: RoomEvent): RoomState {
  const spec = eventsByType.get(event.type);
  const next = spec ? spec.apply(state, event.payload, event) : state;
  return { ...next, seq: event.seq };
}

export function reduceEvents(state: RoomState, events: readonly RoomEvent[]): RoomState {
  return events.reduce(applyEvent, state);
}