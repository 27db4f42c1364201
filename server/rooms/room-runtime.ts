import { DomainError } from '../../shared/core/errors.js';
import { parseCommandPayload, roleRefusal } from '../../shared/permissions.js';
import type { EventDraft, RoomEvent } from '../../shared/core/events.js';
import type { Now, Participant } from '../../shared/core/define.js';
import { systemActor, type Actor } from '../../shared/core/roles.js';
import { isVisibleTo, type Viewer } from '../../shared/core/visibility.js';
import { applyEvent, findCommand } from '../../shared/domain.js';
import { rehearse, replayLog, RoomBrokenError, type StampedDraft } from './rehearsal.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import type { RoomState } from '../../shared/room-state.js';
import { StaleHeadError, type AppendResult, type EventStore } from '../store/types.js';
import { Projections, type ProjectionTrial } from './projections.js';
import { SerialQueue } from './serial-queue.js';
import { GroupCommit, type Committing, type Settled, type Submission } from './group-commit.js';

export interface CommandOutcome {
  events: RoomEvent[];
  seq: number;
  duplicate: boolean;
}

/** `local`: appended by this instance (broadcast them); `remote`: read back from another instance's appends. */
export type EventsOrigin = 'local' | 'remote';
export type EventsListener = (events: RoomEvent[], origin: EventsOrigin) => void;

/**
 * One live room: its full state, its audience projections, and the single path every change takes —
 * decide (pure, shared) → durable append → apply to projections → notify listeners (broadcast, timers).
 */
export class RoomRuntime {
  private full: RoomState;
  private readonly projections: Projections;
  private readonly queue = new SerialQueue();
  private readonly commits = new GroupCommit(this.queue, (batch) => this.commitBatch(batch));
  private readonly listeners = new Set<EventsListener>();
  /** The state the batches handed to the writer and not yet applied lead to (embedded store), or null. */
  private ahead: { state: RoomState; audiences: ProjectionTrial } | null = null;
  /** The batches handed to the writer, applied and answered in order. */
  private applying: Promise<void> = Promise.resolve();
  /** Moves on when a batch fails: the batches decided after it, on a state that will not be, fail too. */
  private generation = 0;
  /** Set when an event already in the log could not be applied: the room then refuses every change. */
  private brokenBy: RoomBrokenError | null = null;

  private constructor(
    readonly id: string,
    private readonly store: EventStore,
    private readonly wallClock: () => number,
    log: readonly RoomEvent[],
    /** An imported archive: it can be read, replayed and reported on, never changed. */
    readonly readOnly: boolean,
  ) {
    this.full = replayLog(id, log);
    this.projections = new Projections(id);
  }

  /** Why the room refuses changes (an event of its log cannot be applied), or null while it is healthy. */
  get broken(): RoomBrokenError | null {
    return this.brokenBy;
  }

  /** Rebuilds a room from its log; throws {@link RoomBrokenError} if an event of the log cannot be replayed. */
  static async load(id: string, store: EventStore, wallClock: () => number = Date.now): Promise<RoomRuntime> {
    return new RoomRuntime(id, store, wallClock, await store.read(id), await store.isImported(id));
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
    // Commands submitted after this call are committed after `task`, as they would be without group commit.
    this.commits.close();
    return this.queue.run(async () => {
      await this.applying;
      return task();
    });
  }

  /**
   * Executes a participant's command. Permission and payload are checked before entering the queue;
   * domain rules inside it, against the state left by the previous command.
   */
  execute(actor: Participant, commandId: string, type: string, rawPayload: unknown): Promise<CommandOutcome> {
    if (this.readOnly) return Promise.reject(new DomainError('forbidden', 'Salle importée : lecture seule.'));
    if (this.brokenBy) return Promise.reject(this.brokenBy.refusal());
    // The same questions the client asks before showing the button (shared/permissions.ts): role, payload, state.
    const spec = findCommand(type);
    if (!spec) return Promise.reject(new DomainError('invalid', `Commande inconnue « ${type} ».`));
    const byRole = roleRefusal(spec, actor);
    if (byRole) return Promise.reject(byRole);
    const parsed = parseCommandPayload(spec, rawPayload);
    if ('refusal' in parsed) return Promise.reject(parsed.refusal);
    const decide = (state: RoomState, now: Now) => spec.decide({ state, payload: parsed.payload, actor, now });
    return this.commits.submit({ decide, actor, commandId }).then(({ events, duplicate }) => ({ events, seq: events.at(-1)?.seq ?? this.full.seq, duplicate }));
  }

  /** Appends events decided by the server itself (scheduler, timers, room setup). */
  appendSystem(decide: (state: RoomState, now: Now) => EventDraft[], actor: Actor = systemActor, commandId: string | null = null): Promise<RoomEvent[]> {
    if (this.readOnly) return Promise.resolve([]);
    if (this.brokenBy) return Promise.reject(this.brokenBy.refusal());
    // With a command id, appending the same thing twice (two instances, a retry after a crash) stores it once.
    return this.commits.submit({ decide, actor, commandId }).then(({ events }) => events);
  }

  /**
   * Reads the events other instances appended since this one last looked, and applies them.
   * Returns them (listeners are told, with origin `remote`).
   */
  refresh(): Promise<RoomEvent[]> {
    return this.exclusive(() => this.catchUp());
  }

  /** The projection of `viewer`, built from the log on first use. Call inside `exclusive` for a consistent read. */
  async stateFor(viewer: Viewer): Promise<RoomState> {
    if (viewer.role === 'director') return this.full;
    return this.projections.get(viewer) ?? this.projections.build(viewer, await this.store.read(this.id));
  }

  /**
   * Events after `afterSeq` visible to `viewer`, oldest first, at most `limit` read from the log; none beyond
   * the state this runtime has applied (another instance may have appended more: they come through `refresh`).
   */
  async eventsFor(viewer: Viewer, afterSeq: number, limit?: number): Promise<RoomEvent[]> {
    const events = await this.store.read(this.id, afterSeq, limit);
    const head = this.full.seq;
    return events.filter((e) => e.seq <= head && isVisibleTo(e.visibility, viewer));
  }

  /**
   * One group commit: decides the batch's commands in order, each on the state the previous ones lead to, appends
   * them in one transaction, then applies, broadcasts and answers them in order. A refused command is answered
   * alone; the others go on. `settled` gives, per command, its outcome or its refusal; it rejects if the batch is
   * not stored.
   */
  private async commitBatch(batch: readonly Submission[]): Promise<Committing> {
    const ids = batch.map((s) => s.commandId);
    if (this.store.appendDecided) {
      let refusals = new Map<number, unknown>();
      // Shared stores: decided while holding the room's lock, on the state brought up to the log's head with the
      // events other instances appended (applied first, as `remote`). No retry, no starving under contention.
      const { results } = await this.store.appendDecided(this.id, this.full.seq, ids, (missed, stored) => {
        if (missed.length > 0) this.applyAndNotify(missed, 'remote');
        const decided = this.decideInOrder(batch, stored, this.full, this.projections.trial());
        refusals = decided.refusals;
        return decided.drafts;
      });
      return { settled: this.settle(results, refusals) };
    }
    return this.pipeline(batch, ids);
  }

  /**
   * The embedded store: the batch is decided on the state the batches still being committed lead to, and handed to
   * the writer without waiting for them, so that its commit overlaps their broadcast. They are applied in order. If
   * one fails, those decided after it fail too (the writer finds its head is not the one they expect) and the next
   * batch is decided on the applied state again.
   */
  private async pipeline(batch: readonly Submission[], ids: readonly (string | null)[]): Promise<Committing> {
    const generation = this.generation;
    const ahead = this.ahead ?? { state: this.full, audiences: this.projections.trial() };
    // Committed commands only: one still being committed is answered by the group commit's own index.
    const stored = new Map<number, RoomEvent[]>();
    for (const [index, id] of ids.entries()) {
      const events = id === null ? null : await this.store.commandEvents(this.id, id);
      if (events) stored.set(index, events);
    }
    const { drafts, refusals, state } = this.decideInOrder(batch, stored, ahead.state, ahead.audiences);
    const written = this.store.appendBatch(
      this.id,
      drafts.map((events, index) => ({ events, commandId: ids[index] ?? null })),
      ahead.state.seq,
    );
    // Handled below, once the batches before it are applied; until then, not an unhandled rejection.
    written.catch(() => undefined);
    const mine = { state, audiences: ahead.audiences };
    this.ahead = mine;
    const settled = this.applying
      .then(() => written)
      .then(
        (results) => this.settle(results, refusals),
        async (error: unknown) => {
          if (generation === this.generation) {
            this.generation += 1;
            this.ahead = null;
          }
          if (!(error instanceof StaleHeadError)) throw error;
          // Another writer appended, or a batch decided before this one failed: nothing of this one is stored.
          await this.catchUp();
          throw new DomainError('unavailable', 'Le journal de la salle a changé pendant l’écriture : commande non enregistrée, renvoyez-la.');
        },
      );
    const landed = () => void (this.ahead === mine && (this.ahead = null));
    this.applying = settled.then(landed, landed);
    return { settled };
  }

  /**
   * Decides each command of a batch on the state the previous ones lead to (rehearsed: schema, reducers, every
   * audience's projection). A stored command is skipped; a refused one decides nothing and leaves the state as it was.
   */
  private decideInOrder(
    batch: readonly Submission[],
    stored: ReadonlyMap<number, RoomEvent[]>,
    base: RoomState,
    audiences: ProjectionTrial,
  ): { drafts: StampedDraft[][]; refusals: Map<number, unknown>; state: RoomState } {
    let trial = base;
    const wallTime = this.wallClock();
    const refusals = new Map<number, unknown>();
    const drafts = batch.map((submission, index) => {
      if (stored.has(index)) return [];
      try {
        const now = { wallTime, exerciseTime: exerciseTimeAt(trial.clock, wallTime) };
        const stamped = submission.decide(trial, now).map((d) => ({ ...d, actor: submission.actor, wallTime, exerciseTime: now.exerciseTime }));
        if (stamped.length > 0) trial = rehearse(this.id, trial, stamped, submission.commandId, (events) => audiences.rehearse(events));
        return stamped;
      } catch (error) {
        refusals.set(index, error);
        return [];
      }
    });
    return { drafts, refusals, state: trial };
  }

  /** Applies and broadcasts the batch's new events (once, in order), then tells each command what became of it. */
  private async settle(results: readonly AppendResult[], refusals: ReadonlyMap<number, unknown>): Promise<Settled[]> {
    // Durable, but the room stopped taking changes when an earlier batch could not be applied.
    if (this.brokenBy) throw this.brokenBy.refusal();
    const fresh = results.filter((r) => !r.duplicate).flatMap((r) => r.events);
    if (fresh.length > 0) this.applyAndNotify(fresh, 'local');
    // A command stored by another instance after this one last looked: read what it missed.
    if (results.some((r) => r.duplicate && (r.events.at(-1)?.seq ?? 0) > this.full.seq)) await this.catchUp();
    return results.map((result, index) => (refusals.has(index) ? { refusal: refusals.get(index) } : { outcome: result }));
  }

  private async catchUp(): Promise<RoomEvent[]> {
    const missed = await this.store.read(this.id, this.full.seq);
    if (missed.length > 0) this.applyAndNotify(missed, 'remote');
    return missed;
  }

  private applyAndNotify(events: RoomEvent[], origin: EventsOrigin): void {
    for (const event of events) {
      try {
        this.full = applyEvent(this.full, event);
        this.projections.apply(event);
      } catch (error) {
        // Durable already (another instance's append, or a reducer that passed the rehearsal and then failed):
        // the room stops taking changes rather than deciding on a state that is not its log's.
        this.brokenBy = new RoomBrokenError(this.id, event.seq, error);
        throw this.brokenBy.refusal();
      }
    }
    for (const listener of this.listeners) {
      // The events are durable already: a failing listener must not turn the command into a failure.
      try {
        listener(events, origin);
      } catch (error) {
        process.emitWarning(`Room ${this.id} listener failed: ${String(error)}`);
      }
    }
  }
}
