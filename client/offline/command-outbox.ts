import type { ErrorBody } from '../../shared/core/errors.js';
import type { RoomDb, OutboxRecord } from './local-db.js';

/**
 * Commands not yet answered by the server, kept in IndexedDB with their idempotent id (issue 15): a command
 * given offline, or whose ack was lost, survives a reload, a crash or a closed lid, and is sent again in order
 * on reconnection. A refusal on replay (the situation changed meanwhile) stays here, with the server's reason,
 * until its author has seen it: nothing she did is dropped silently.
 * Without IndexedDB the same queue lives in memory (as before: until the tab closes).
 */
export class CommandOutbox {
  private records: OutboxRecord[] = [];
  private readonly listeners = new Set<() => void>();
  private view: readonly OutboxRecord[] = [];

  private constructor(private readonly db: RoomDb | null) {}

  static async open(db: RoomDb | null): Promise<CommandOutbox> {
    const outbox = new CommandOutbox(db);
    if (db) outbox.records = await db.getAll('outbox').catch(() => []);
    outbox.emit();
    return outbox;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every record, in order (for `useSyncExternalStore`: replaced on each change). */
  readonly items = (): readonly OutboxRecord[] => this.view;

  /** The oldest command still to send, if any. */
  nextPending(): OutboxRecord | undefined {
    return this.records.find((r) => r.status === 'pending');
  }

  /** Keeps a command; resolves once it is durable on this device (before it is sent). */
  async enqueue(record: Omit<OutboxRecord, 'order' | 'status'>): Promise<void> {
    const kept: OutboxRecord = { ...record, status: 'pending' };
    if (this.db) kept.order = await this.db.add('outbox', kept).catch(() => undefined);
    this.records.push(kept);
    this.emit();
  }

  /** Answered (accepted, or its refusal seen by its author): forgotten. */
  async remove(id: string): Promise<void> {
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    this.records = this.records.filter((r) => r !== record);
    this.emit();
    if (this.db && record.order !== undefined) await this.db.delete('outbox', record.order).catch(() => undefined);
  }

  /** Refused by the server: kept with the reason for its author to read. */
  async refuse(id: string, error: ErrorBody): Promise<void> {
    const record = this.records.find((r) => r.id === id);
    if (!record) return;
    const refused: OutboxRecord = { ...record, status: 'refused', error };
    this.records = this.records.map((r) => (r === record ? refused : r));
    this.emit();
    if (this.db && record.order !== undefined) await this.db.put('outbox', refused).catch(() => undefined);
  }

  private emit(): void {
    this.view = [...this.records];
    for (const listener of this.listeners) listener();
  }
}
