import type { Participant } from '../../shared/core/define.js';
import { DomainError, describeZodError } from '../../shared/core/errors.js';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import { systemActor, type Actor } from '../../shared/core/roles.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import { defaultOrsanCyberChain } from '../../shared/alert-chain/default-chain.js';
import type { AlertChainTemplate } from '../../shared/alert-chain/template.js';

/** A pure, in-memory room for reducer tests: the same command path as the server, without I/O. */
export interface PureRoom {
  state: RoomState;
  events: RoomEvent[];
  /** Exercise time (ms) the next command or system append happens at. */
  exerciseTime: number;
}

export const director: Participant = { kind: 'participant', sessionId: 's-dir', name: 'Animatrice', role: 'director' };
export const ars: Participant = { kind: 'participant', sessionId: 's-ars', name: 'Cadre ARS', role: 'player', cell: 'ars' };
export const prefecture: Participant = { kind: 'participant', sessionId: 's-pref', name: 'SIDPC', role: 'player', cell: 'prefecture' };
export const observer: Participant = { kind: 'participant', sessionId: 's-obs', name: 'Observateur', role: 'observer' };

export function append(room: PureRoom, drafts: EventDraft[], actor: Actor, commandId: string | null = null): RoomEvent[] {
  const events = drafts.map((d, i): RoomEvent => ({
    roomId: 'r1',
    seq: room.state.seq + i + 1,
    type: d.type,
    wallTime: 1_700_000_000_000 + room.exerciseTime,
    exerciseTime: room.exerciseTime,
    actor,
    visibility: d.visibility,
    payload: d.payload,
    commandId,
    prevHash: '',
    hash: '',
  }));
  for (const event of events) room.state = applyEvent(room.state, event);
  room.events.push(...events);
  return events;
}

/** Runs a command as the server does (role → payload → decide → apply); throws the DomainError a client would get. */
export function run(room: PureRoom, actor: Participant, type: string, payload: unknown): RoomEvent[] {
  const spec = findCommand(type);
  if (!spec) throw new Error(`unknown command ${type}`);
  if (!spec.allowed.includes(actor.role)) throw new DomainError('forbidden', `role ${actor.role} not allowed`);
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) throw new DomainError('invalid', describeZodError(parsed.error));
  const wallTime = 1_700_000_000_000 + room.exerciseTime;
  const drafts = spec.decide({ state: room.state, payload: parsed.data, actor, now: { wallTime, exerciseTime: room.exerciseTime } });
  return append(room, drafts, actor, `c${room.events.length}`);
}

/** The error a command is refused with (fails the test if it is accepted). */
export function refusal(room: PureRoom, actor: Participant, type: string, payload: unknown): DomainError {
  try {
    run(room, actor, type, payload);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`${type} was accepted`);
}

/** A room with the ars and prefecture cells, a chain, and (unless told otherwise) a started clock. */
export function pureRoom(options: { mode?: 'exercise' | 'crisis'; template?: AlertChainTemplate; started?: boolean } = {}): PureRoom {
  const room: PureRoom = { state: initialRoomState('r1'), events: [], exerciseTime: 0 };
  const cells = [
    { id: 'ars', label: 'ARS' },
    { id: 'prefecture', label: 'Préfecture' },
  ];
  append(
    room,
    [
      { type: 'room.created', payload: { mode: options.mode ?? 'exercise', title: 'Test', cells }, visibility: 'all' },
      { type: 'alertChain.defined', payload: { template: options.template ?? defaultOrsanCyberChain }, visibility: 'all' },
    ],
    systemActor,
  );
  if (options.started ?? true) {
    append(room, [{ type: 'clock.changed', payload: { action: 'start', clock: { status: 'running', speed: 1, anchorWall: 0, anchorExercise: 0 } }, visibility: 'all' }], systemActor);
  }
  return room;
}

export const minutes = (n: number) => n * 60_000;
