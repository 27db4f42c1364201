import type { Now } from '../../shared/core/define.js';
import type { EventDraft } from '../../shared/core/events.js';
import type { Actor } from '../../shared/core/roles.js';
import type { RoomState } from '../../shared/room-state.js';
import type { AppendResult } from '../store/types.js';
import type { SerialQueue } from './serial-queue.js';

/** A change waiting for its room's next commit: a participant's command or the server's own. */
export interface Submission {
  decide: (state: RoomState, now: Now) => EventDraft[];
  actor: Actor;
  commandId: string | null;
}

/** What became of one submission of a batch: stored (or found stored), or refused alone. */
export type Settled = { outcome: AppendResult } | { refusal: unknown };

interface Pending extends Submission {
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * A batch handed to the store: `settled` resolves once it is durable, applied and broadcast. The queue is free as soon
 * as the batch is handed over, so the next batch can be decided (on the state this one leads to) and committed while
 * this one is broadcast.
 */
export interface Committing {
  settled: Promise<Settled[]>;
}

/** Enough to fill one transaction; beyond it a burst is committed in several batches, in order. */
const MAX_BATCH = 256;

/**
 * Group commit for one room. The submissions that arrive while the room's queue is busy (a commit in progress) or in
 * the same synchronous run (a batch of records mirrored at once) are committed together by `commit`:
 * one transaction and one fsync for all of them instead of one each, so a slow disk delays a burst by one commit,
 * not by one commit per command queued behind it. Order is the order of submission; each caller is answered alone.
 */
export class GroupCommit {
  private open: Pending[] | null = null;
  /** Command ids submitted and not answered yet: the same id again (a client's retry) waits for the first's answer. */
  private readonly inFlight = new Map<string, Promise<AppendResult>>();

  constructor(
    private readonly queue: SerialQueue,
    private readonly commit: (batch: readonly Submission[]) => Promise<Committing>,
  ) {}

  submit(submission: Submission): Promise<AppendResult> {
    const { commandId } = submission;
    const first = commandId === null ? undefined : this.inFlight.get(commandId);
    if (first) return first.then((result) => ({ ...result, duplicate: true }));
    const result = this.enqueue(submission);
    if (commandId !== null) {
      this.inFlight.set(commandId, result);
      const done = () => void (this.inFlight.get(commandId) === result && this.inFlight.delete(commandId));
      result.then(done, done);
    }
    return result;
  }

  private enqueue(submission: Submission): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      const pending = { ...submission, resolve, reject };
      if (this.open && this.open.length < MAX_BATCH) {
        this.open.push(pending);
        return;
      }
      const batch = [pending];
      this.open = batch;
      // No wait for more: what arrives while the queue or the store is busy forms the next batch (PostgreSQL: while
      // a transaction runs; SQLite: the writer thread commits together what reaches it during a commit).
      void this.queue.run(async () => {
        this.close(batch);
        await this.run(batch);
      });
    });
  }

  /** Submissions from now on open a new batch, queued behind whatever is queued now (`exclusive` tasks). */
  close(batch: Pending[] | null = this.open): void {
    if (this.open === batch) this.open = null;
  }

  private async run(batch: readonly Pending[]): Promise<void> {
    let settled: Promise<Settled[]>;
    try {
      ({ settled } = await this.commit(batch));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    // Answered outside the queue: the next batch is already being decided and committed meanwhile.
    settled.then(
      (results) => batch.forEach((pending, i) => answer(pending, results[i]!)),
      (error: unknown) => batch.forEach((pending) => pending.reject(error)),
    );
  }
}

function answer(pending: Pending, result: Settled): void {
  if ('refusal' in result) pending.reject(result.refusal);
  else pending.resolve(result.outcome);
}
