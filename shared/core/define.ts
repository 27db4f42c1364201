import type { z } from 'zod';
import type { Actor, Role } from './roles.js';
import type { EventDraft, RoomEvent } from './events.js';
import type { Visibility } from './visibility.js';
import type { RoomState } from '../room-state.js';

/** A participant acting through a session: role and cell come from the session token, never from the payload. */
export interface Participant extends Actor {
  kind: 'participant';
  sessionId: string;
  role: Role;
}

/** The server's clock at the moment a command is decided. */
export interface Now {
  wallTime: number;
  exerciseTime: number;
}

export interface DecideContext<P> {
  /** The full (director) projection of the room. */
  state: RoomState;
  payload: P;
  actor: Participant;
  now: Now;
}

/**
 * A command a participant may send. `allowed` is its row of the permission matrix;
 * `decide` is pure: it checks the domain rules (throwing a DomainError) and returns the events to append.
 */
export interface CommandSpec<P = unknown> {
  type: string;
  description: string;
  payload: z.ZodType<P>;
  allowed: readonly Role[];
  /** A payload that passes the schema: used by the protocol docs and the permission-matrix tests. */
  example: P;
  decide(ctx: DecideContext<P>): EventDraft[];
}

/** An event type: its payload schema and how it changes the room state (pure). */
export interface EventSpec<P = unknown> {
  type: string;
  description: string;
  payload: z.ZodType<P>;
  apply(state: RoomState, payload: P, event: RoomEvent<P>): RoomState;
  /** A draft of this event, its payload checked by the compiler (and by the schema before the append). */
  draft(payload: P, visibility: Visibility): EventDraft<P>;
  /** Narrows a logged event (or anything that keeps an event's type and payload) to this type: no cast. */
  is<E extends { type: string; payload: unknown }>(event: E): event is E & { payload: P };
}

/**
 * A command spec that keeps its literal type and its schema in its type, so that the client's `send` is typed
 * from the registry (`shared/commands.ts`: `CommandType`, `PayloadOf`).
 */
export type TypedCommandSpec<T extends string, S extends z.ZodType> = CommandSpec<z.infer<S>> & { type: T; payload: S };

export function defineCommand<const T extends string, S extends z.ZodType>(spec: {
  type: T;
  description: string;
  payload: S;
  allowed: readonly Role[];
  example: z.infer<S>;
  decide(ctx: DecideContext<z.infer<S>>): EventDraft[];
}): TypedCommandSpec<T, S> {
  return spec as TypedCommandSpec<T, S>;
}

export function defineEvent<S extends z.ZodType>(spec: {
  type: string;
  description: string;
  payload: S;
  apply(state: RoomState, payload: z.infer<S>, event: RoomEvent<z.infer<S>>): RoomState;
}): EventSpec<z.infer<S>> {
  type P = z.infer<S>;
  return {
    ...spec,
    payload: spec.payload as z.ZodType<P>,
    draft: (payload: P, visibility: Visibility): EventDraft<P> => ({ type: spec.type, payload, visibility }),
    // The payload of a logged event passed its schema before the append (server/rooms/rehearsal.ts).
    is: <E extends { type: string; payload: unknown }>(event: E): event is E & { payload: P } => event.type === spec.type,
  };
}

/**
 * Any command or event spec, for the registry's lists that hold every payload type at once. `decide` and
 * `apply` take their own payload (a parameter: contravariant), so the specs have no common supertype but `any`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one place the registry erases payload types (see above)
export type AnyCommandSpec = CommandSpec<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export type AnyEventSpec = EventSpec<any>;
