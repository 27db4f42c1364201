import type { Worker } from 'node:worker_threads';
import type { RoomEvent } from '../../shared/core/events.js';
import type { ChainSalt } from './hash-chain.js';
import type { AccessWriter } from './sqlite-access.js';
import type { DocWriter } from './sqlite-docs.js';
import type { EventWriter } from './sqlite-events.js';
import { fromWire, type WriterOp, type WriterReply } from './sqlite-writer-protocol.js';
import { startThread } from './thread.js';
import type { AppendResult, BatchItem, InvitationRecord, SessionRecord } from './types.js';

const threadModule = new URL(`./sqlite-writer-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

/**
 * The main thread's side of the writer thread (`sqlite-writer-thread.ts`): each write is a message, answered once the
 * thread has committed it (durable). The thread starts on the first write (a store opened to be read starts none) and
 * again after it died; while it has no write in flight it does not keep the process alive.
 */
export class SqliteWriter implements EventWriter, DocWriter, AccessWriter {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: unknown) => void }>();
  private readonly resetListeners: Array<() => void> = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly file: string) {}

  appendBatch(roomId: string, items: readonly BatchItem[], expectedSeq: number | undefined): Promise<AppendResult[]> {
    return this.call('events.appendBatch', [roomId, items, expectedSeq]) as Promise<AppendResult[]>;
  }

  async importRoom(roomId: string, events: RoomEvent[], importedAt: number, salt: ChainSalt | null): Promise<void> {
    await this.call('events.importRoom', [roomId, events, importedAt, salt]);
  }

  appendUpdate(roomId: string, docName: string, update: Uint8Array): Promise<number> {
    return this.call('docs.appendUpdate', [roomId, docName, update]) as Promise<number>;
  }

  async compact(roomId: string, docName: string, snapshot: Uint8Array, upToId: number): Promise<void> {
    await this.call('docs.compact', [roomId, docName, snapshot, upToId]);
  }

  claimClients(roomId: string, docName: string, sessionId: string, clientIds: number[]): Promise<Map<number, string>> {
    return this.call('docs.claimClients', [roomId, docName, sessionId, clientIds]) as Promise<Map<number, string>>;
  }

  async createInvitation(record: InvitationRecord, codeHash: string): Promise<void> {
    await this.call('access.createInvitation', [record, codeHash]);
  }

  revokeInvitation(roomId: string, id: string, at: number): Promise<boolean> {
    return this.call('access.revokeInvitation', [roomId, id, at]) as Promise<boolean>;
  }

  async createSession(record: SessionRecord, tokenHash: string): Promise<void> {
    await this.call('access.createSession', [record, tokenHash]);
  }

  revokeSessions(roomId: string, sessionId: string | null, invitationId: string | null, at: number): Promise<string[]> {
    return this.call('access.revokeSessions', [roomId, sessionId, invitationId, at]) as Promise<string[]>;
  }

  async createYjsTicket(ticketHash: string, sessionId: string, issuedAt: number, expiresAt: number): Promise<void> {
    await this.call('access.createYjsTicket', [ticketHash, sessionId, issuedAt, expiresAt]);
  }

  takeYjsTicket(ticketHash: string): Promise<{ session_id: string; expires_at: number } | null> {
    return this.call('access.takeYjsTicket', [ticketHash]) as Promise<{ session_id: string; expires_at: number } | null>;
  }

  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Waits for the writes in flight, then stops the thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.worker) await this.call('close', []).catch(() => undefined);
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
  }

  private call(op: WriterOp, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('Store SQLite fermé.'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ id, op, args });
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
