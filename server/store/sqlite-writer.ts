import type { Worker } from 'node:worker_threads';
import type { AsyncOf } from './async-of.js';
import { fromWire, type SyncWriters, type WriterGroup, type WriterReply, type WriterRequest } from './sqlite-writer-protocol.js';
import { startThread } from './thread.js';

const threadModule = new URL(`./sqlite-writer-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * The main thread's side of the writer thread (`sqlite-writer-thread.ts`): each write is a message, answered once the
 * thread has committed it (durable). The thread starts on the first write (a store opened to be read starts none) and
 * again after it died; while it has no write in flight it does not keep the process alive.
 */
export class SqliteWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private readonly resetListeners: Array<() => void> = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly file: string) {}

  /**
   * The asynchronous face of one group of the thread's functions, for a store: `methods` names every function the
   * store calls (the type says which), each call a message answered once committed.
   */
  group<G extends WriterGroup, M extends keyof SyncWriters[G] & string>(group: G, methods: readonly M[]): AsyncOf<Pick<SyncWriters[G], M>> {
    return Object.fromEntries(methods.map((method) => [method, (...args: unknown[]) => this.call({ id: 0, group, method, args })])) as AsyncOf<Pick<SyncWriters[G], M>>;
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Waits for the writes in flight, then stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.worker) await this.call({ id: 0, group: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private call(request: WriterRequest): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('Store SQLite fermé.'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...request, id });
      } catch (error) {
        // Not transferable (a function, a symbol in a payload): refused here, nothing sent.
        this.pending.delete(id);
        reject(error);
        return;
      }
      worker.ref();
    });
  }

  private start(): Worker {
    const worker = startThread(threadModule, { workerData: { file: this.file } });
    worker.on('message', (reply: WriterReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromWire(reply.error));
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`code de sortie ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The thread died: what it had not answered may or may not be committed; the readers' caches are dropped. */
  private stopped(worker: Worker, cause: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const error = new Error(`Écriture SQLite interrompue (fil d'écriture arrêté : ${cause.message}).`);
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
    for (const listener of this.resetListeners) listener();
  }
}
