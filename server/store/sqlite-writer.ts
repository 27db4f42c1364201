import type { Worker } from 'node:worker_threads';
import type { AsyncOf } from './async-of.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { sqliteBatchRunner } from './sqlite-write-batches.js';
import { fromWire, type SyncWriters, type ThreadMessage, type WriterGroup, type WriterRequest } from './sqlite-writer-protocol.js';
import { startThread } from './thread.js';

const threadModule = new URL(`./sqlite-writer-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * Where the writes are committed: `inline` on the event loop (a fast disk: a commit of ≈ 0.2 ms costs less than
 * the two thread hand-offs, ≈ 0.7 ms on a shared core), `thread` in the writer thread (a slow or busy disk: a commit
 * of tens of ms must not stop every socket; the default), `auto` moves between the two on the commits it times
 * (measured in docs/performance.md: not yet better than `thread` under load, hence not the default).
 */
export type WriterMode = 'auto' | 'thread' | 'inline';

export interface WriterOptions {
  mode?: WriterMode;
  /**
   * `auto`: `slowBurst` commits longer than this within `burstWindowMs` move the writes to the thread. One is not
   * enough: a WAL checkpoint makes an occasional commit of a few ms on the fastest disk.
   */
  slowCommitMs?: number;
  slowBurst?: number;
  burstWindowMs?: number;
  /** `auto`: back on the event loop once no commit took more than half of `slowCommitMs` for this long. */
  settleMs?: number;
  now?: () => number;
  /** Told of each move (for the logs): where the writes go now. */
  onMove?: (place: 'inline' | 'thread') => void;
}

export const defaultWriterOptions = { mode: 'thread', slowCommitMs: 4, slowBurst: 3, burstWindowMs: 2_000, settleMs: 30_000 } as const;

interface Waiting {
  request: WriterRequest;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The main thread's own writing connection: the requests of one event-loop turn committed together, at its end. */
class InlineWriter {
  private readonly db;
  private readonly runner;
  private queue: Waiting[] = [];

  constructor(
    file: string,
    private readonly committed: (ms: number) => void,
    now: () => number,
  ) {
    this.db = openSqliteDatabase(file);
    this.runner = sqliteBatchRunner(this.db, now);
  }

  get idle(): boolean {
    return this.queue.length === 0;
  }

  submit(waiting: Waiting): void {
    this.queue.push(waiting);
    if (this.queue.length === 1) setImmediate(() => this.flush());
  }

  /** Another connection wrote since this one did. */
  reset(): void {
    this.runner.reset();
  }

  close(): void {
    this.db.close();
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    const { replies, ms } = this.runner.commit(batch.map((w) => w.request));
    replies.forEach((reply, i) => (reply.ok ? batch[i]!.resolve(reply.value) : batch[i]!.reject(fromWire(reply.error))));
    this.committed(ms);
  }
}

/**
 * The store's writes, committed durably (fsync) before each promise resolves, in the order they were asked for,
 * on the event loop or in the writer thread (`sqlite-writer-thread.ts`), see `WriterMode`. A move between the two
 * waits until the side that wrote has answered everything, holding the new writes meanwhile, and the side that takes
 * over drops its caches first: two connections never write at once and a cache never outlives another's write.
 * The thread starts when first needed (and again after it died); while it has no write in flight it does not keep the
 * process alive.
 */
export class SqliteWriter {
  private readonly mode: WriterMode;
  private readonly slowCommitMs: number;
  private readonly settleMs: number;
  private readonly slowBurst: number;
  private readonly burstWindowMs: number;
  /** When the recent slow commits ended (within `burstWindowMs`). */
  private slowTimes: number[] = [];
  private readonly now: () => number;
  private readonly onMove: (place: 'inline' | 'thread') => void;
  private place: 'inline' | 'thread';
  private moving: 'to-thread' | 'to-inline' | null = null;
  private wantThread = false;
  private placeSince: number;
  private lastSlowAt = -Infinity;
  private readonly held: Waiting[] = [];
  private inline: InlineWriter | null = null;
  private worker: Worker | null = null;
  private ready = false;
  private readonly pending = new Map<number, Waiting>();
  private readonly resetListeners: Array<() => void> = [];
  private readonly readyListeners: Array<() => void> = [];
  private nextId = 1;
  private closed = false;
  /** How many times the writes moved, for the logs and the tests. */
  moves = 0;

  constructor(
    private readonly file: string,
    options: WriterOptions = {},
  ) {
    this.mode = options.mode ?? defaultWriterOptions.mode;
    this.slowCommitMs = options.slowCommitMs ?? defaultWriterOptions.slowCommitMs;
    this.settleMs = options.settleMs ?? defaultWriterOptions.settleMs;
    this.slowBurst = options.slowBurst ?? defaultWriterOptions.slowBurst;
    this.burstWindowMs = options.burstWindowMs ?? defaultWriterOptions.burstWindowMs;
    this.now = options.now ?? (() => performance.now());
    this.onMove = options.onMove ?? (() => undefined);
    this.place = this.mode === 'thread' ? 'thread' : 'inline';
    this.placeSince = this.now();
  }

  /** Where the writes go now (`inline` or `thread`). */
  get committer(): 'inline' | 'thread' {
    return this.place;
  }

  /**
   * The asynchronous face of one group of the writer's functions, for a store: `methods` names every function the
   * store calls (the type says which), each call answered once committed.
   */
  group<G extends WriterGroup, M extends keyof SyncWriters[G] & string>(group: G, methods: readonly M[]): AsyncOf<Pick<SyncWriters[G], M>> {
    return Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => this.call({ id: 0, group, method, args })])) as AsyncOf<Pick<SyncWriters[G], M>>;
  }

  /** Starts the thread if it has not started, and resolves once it can write (tests, and a store about to be loaded). */
  threadReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    if (!this.worker) this.start();
    return new Promise((resolve) => this.readyListeners.push(resolve));
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Waits for the writes asked for so far, then stops the thread and the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.worker || this.inline || this.held.length > 0) await this.call({ id: 0, group: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
    this.inline?.close();
    this.inline = null;
  }

  private call(request: WriterRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('Store SQLite fermé.'));
    return new Promise((resolve, reject) => this.route({ request, resolve, reject }));
  }

  private route(waiting: Waiting): void {
    if (this.moving) this.held.push(waiting);
    else if (this.place === 'inline') this.inlineWriter().submit(waiting);
    else this.post(waiting);
  }

  private inlineWriter(): InlineWriter {
    this.inline ??= new InlineWriter(this.file, (ms) => this.inlineCommitted(ms), this.now);
    return this.inline;
  }

  private inlineCommitted(ms: number): void {
    if (this.mode === 'auto' && this.slowBurstEnds(ms > this.slowCommitMs)) {
      if (this.place === 'inline' && !this.moving) {
        // The thread takes over once it has started (its start takes a few hundred ms: writing goes on here meanwhile).
        this.wantThread = true;
        if (this.ready) this.startMove('to-thread');
        else if (!this.worker) this.start();
      }
    }
    this.finishMove();
  }

  /** Records a commit; true when it ends a burst of slow ones (the disk is slow now: `lastSlowAt`). */
  private slowBurstEnds(slow: boolean): boolean {
    if (!slow) return false;
    const now = this.now();
    this.slowTimes = this.slowTimes.filter((t) => now - t < this.burstWindowMs);
    this.slowTimes.push(now);
    if (this.slowTimes.length < this.slowBurst) return false;
    this.lastSlowAt = now;
    return true;
  }

  private startMove(to: 'to-thread' | 'to-inline'): void {
    this.wantThread = false;
    this.moving = to;
    this.finishMove();
  }

  /** Once the side that wrote has answered everything: the other side takes over, with the writes held meanwhile. */
  private finishMove(): void {
    if (this.moving === 'to-thread' && (this.inline?.idle ?? true)) {
      if (!this.worker) return this.cancelMove();
      this.post({ request: { id: 0, group: 'reset' }, resolve: () => undefined, reject: () => undefined });
      this.settle('thread');
    } else if (this.moving === 'to-inline' && this.pending.size === 0) {
      this.inlineWriter().reset();
      this.settle('inline');
    }
  }

  private cancelMove(): void {
    this.moving = null;
    for (const waiting of this.held.splice(0)) this.route(waiting);
  }

  private settle(place: 'inline' | 'thread'): void {
    this.place = place;
    this.placeSince = this.now();
    this.moves += 1;
    this.moving = null;
    for (const waiting of this.held.splice(0)) this.route(waiting);
    this.onMove(place);
  }

  private post(waiting: Waiting): void {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    this.pending.set(id, waiting);
    try {
      worker.postMessage({ ...waiting.request, id });
    } catch (error) {
      // Not transferable (a function, a symbol in a payload): refused here, nothing sent.
      this.pending.delete(id);
      waiting.reject(error);
      return;
    }
    worker.ref();
  }

  private start(): Worker {
    const worker = startThread(threadModule, { workerData: { file: this.file } });
    this.ready = false;
    worker.on('message', (message: ThreadMessage) => this.threadMessage(worker, message));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`code de sortie ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private threadMessage(worker: Worker, message: ThreadMessage): void {
    if ('ready' in message) {
      this.ready = true;
      for (const listener of this.readyListeners.splice(0)) listener();
      if (this.wantThread && this.place === 'inline' && !this.moving) this.startMove('to-thread');
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(fromWire(message.error));
    if (this.pending.size === 0) worker.unref();
    this.slowBurstEnds(message.ms > this.slowCommitMs / 2);
    const now = this.now();
    if (this.mode === 'auto' && this.place === 'thread' && !this.moving && now - this.lastSlowAt >= this.settleMs && now - this.placeSince >= this.settleMs) {
      this.startMove('to-inline');
    } else this.finishMove();
  }

  /** The thread died: what it had not answered may or may not be committed; the readers' caches are dropped. */
  private stopped(worker: Worker, cause: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.ready = false;
    const error = new Error(`Écriture SQLite interrompue (fil d'écriture arrêté : ${cause.message}).`);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    for (const listener of this.resetListeners) listener();
    // The event loop's connection, if it writes next, must not trust its caches either.
    this.inline?.reset();
    if (this.moving) this.finishMove();
  }
}
