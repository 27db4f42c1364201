import { DomainError, describeZodError } from '../../shared/core/errors.js';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import type { Now, Participant } from '../../shared/core/define.js';
import { systemActor, type Actor } from '../../shared/core/roles.js';
import { isVisibleTo, type Viewer } from '../../shared/core/visibility.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import type { EventStore } from '../store/types.js';
import { Projections } from './projections.js';
import { SerialQueue } from './serial-queue.js';

export interface CommandOutcome {
  events: RoomEvent[];
  seq: number;
  duplicate: boolean;
}

export type EventsListener = (events: RoomEvent[]) => void;

/**
 * One live room: its full state, its audience projections, and the single path every change takes —
 * decide (pure, shared) → durable append → apply to projections → notify listeners (broadcast, timers).
 */
export class RoomRuntime {
  private full: RoomState;
  private readonly projections: Projections;
  private readonly queue = new SerialQueue();
  private readonly listeners = new Set<EventsListener>();

  private constructor(
    readonly id: string,
    private readonly store: EventStore,
    private readonly wallClock: () => number,
    log: readonly RoomEvent[],
  ) {
    this.full = log.reduce(applyEvent, initialRoomState(id));
    this.projections = new Projections(id);
  }

  /** Rebuilds a room from its log. */
  static async load(id: string, store: EventStore, wallClock: () => number = Date.now): Promise<RoomRuntime> {
    return new RoomRuntime(id, store, wallClock, await store.read(id));
  }

  /** The director's (complete) view of the room. */
  get state(): RoomState {
    return this.full;
  }

  /** The server clock: wall time and the exercise time it maps to. */
  now(): Now {
    const wallTime = this.wallClock();
    return { wallTime, exerciseTime: exerciseTimeAt(this.full.clock, wallTime) };
  }

  onEvents(listener: EventsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs `task` with no command or append interleaving (e.g. a socket's catch-up and its joining the broadcast). */
  exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    return this.queue.run(task);
  }

  /**
   * Executes a participant's command. Permission and payload are checked before entering the queue;
   * domain rules inside it, against the state left by the previous command.
   */
  execute(actor: Participant, commandId: string, type: string, rawPayload: unknown): Promise<CommandOutcome> {
    const spec = findCommand(type);
    if (!spec) return Promise.reject(new DomainError('invalid', `Commande inconnue « ${type} ».`));
    if (!spec.allowed.includes(actor.role)) {
      return Promise.reject(new DomainError('forbidden', `Le rôle « ${actor.role} » ne peut pas exécuter « ${type} ».`));
    }
    const parsed = spec.payload.safeParse(rawPayload);
    if (!parsed.success) return Promise.reject(new DomainError('invalid', describeZodError(parsed.error)));
    return this.queue.run(async () => {
      const already = await this.store.commandEvents(this.id, commandId);
      if (already) return { events: already, seq: already.at(-1)?.seq ?? this.full.seq, duplicate: true };
      const now = this.now();
      const drafts = spec.decide({ state: this.full, payload: parsed.data, actor, now });
      const events = await this.commit(drafts, actor, now, commandId);
      return { events, seq: events.at(-1)?.seq ?? this.full.seq, duplicate: false };
    });
  }

  /** Appends events decided by the server itself (scheduler, timers, room setup). */
  appendSystem(decide: (state: RoomState, now: Now) => EventDraft[], actor: Actor = systemActor): Promise<RoomEvent[]> {
    return this.queue.run(() => {
      const now = this.now();
      return this.commit(decide(this.full, now), actor, now, null);
    });
  }

  /** The projection of `viewer`, built from the log on first use. Call inside `exclusive` for a consistent read. */
  async stateFor(viewer: Viewer): Promise<RoomState> {
    if (viewer.role === 'director') return this.full;
    return this.projections.get(viewer) ?? this.projections.build(viewer, await this.store.read(this.id));
  }

  /** Events after `afterSeq` visible to `viewer`, oldest first, at most `limit` read from the log. */
  async eventsFor(viewer: Viewer, afterSeq: number, limit?: number): Promise<RoomEvent[]> {
    const events = await this.store.read(this.id, afterSeq, limit);
    return events.filter((e) => isVisibleTo(e.visibility, viewer));
  }

  private async commit(drafts: EventDraft[], actor: Actor, now: Now, commandId: string | null): Promise<RoomEvent[]> {
    if (drafts.length === 0) return [];
    const stamped = drafts.map((d) => ({ ...d, actor, wallTime: now.wallTime, exerciseTime: now.exerciseTime }));
    const { events } = await this.store.append(this.id, stamped, commandId);
    for (const event of events) {
      this.full = applyEvent(this.full, event);
      this.projections.apply(event);
    }
    for (const listener of this.listeners) {
      // The events are durable already: a failing listener must not turn the command into a failure.
      try {
        listener(events);
      } catch (error) {
        process.emitWarning(`Room ${this.id} listener failed: ${String(error)}`);
      }
    }
    return events;
  }
}
