import type { RoomEvent } from '../../shared/core/events.js';
import { applyEvent } from '../../shared/domain.js';
import { initialRoomState, type RoomState } from '../../shared/room-state.js';
import type { Me } from '../room/section.js';
import type { RoomDb, RoomSnapshotRecord } from './local-db.js';

/** The room as this session last saw it, rebuilt from the local snapshot and the events kept after it. */
export interface CachedRoom {
  state: RoomState;
  me: Me;
  clockOffset: number;
  /** Server time of the last sign of the server (welcome, event, disconnection), for « hors ligne depuis … ». */
  lastContactAt: number | null;
}

/** How many events are kept after the snapshot before it is rewritten (each event is one small write). */
const eventsPerSnapshot = 200;

/**
 * The room's local log: every event is written as it arrives (so a reload shows it, with no network), and the
 * state is snapshotted now and then, so that opening does not replay a whole crisis. Writes are fire-and-forget:
 * the server holds the truth; losing the last writes to a crash only means catching up from an earlier seq.
 */
export class RoomCache {
  private sinceSnapshot = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly db: RoomDb) {}

  async load(): Promise<CachedRoom | null> {
    const snapshot = (await this.db.get('meta', 'snapshot')) as RoomSnapshotRecord | undefined;
    // Written by another version of the client (a deployment since, maybe activated offline): kept if its state
    // still has the shape this version's reducers expect — offline it is all there is — else dropped (the server
    // sends the whole state again at the welcome; the outbox is kept: the server validates every command).
    if (!snapshot || (snapshot.build !== __ORSAN_BUILD__ && !hasShapeOf(initialRoomState(snapshot.state?.room?.id ?? ''), snapshot.state))) return null;
    const lastContact = await this.db.get('meta', 'lastContact');
    const events = await this.db.getAll('events', IDBKeyRange.lowerBound(snapshot.state.seq, true));
    let state = snapshot.state;
    // In seq order (the store key); a role sees only some events, so seqs have gaps.
    for (const event of events) if (event.seq > state.seq) state = applyEvent(state, event);
    this.sinceSnapshot = events.length;
    return { state, me: snapshot.me, clockOffset: snapshot.clockOffset, lastContactAt: typeof lastContact === 'number' ? lastContact : null };
  }

  /** The whole state (after a welcome): the events before it are no longer needed. */
  saveSnapshot(state: RoomState, me: Me, clockOffset: number): void {
    this.sinceSnapshot = 0;
    const record: RoomSnapshotRecord = { state, me, clockOffset, savedAt: Date.now(), build: __ORSAN_BUILD__ };
    this.write(async () => {
      const tx = this.db.transaction(['meta', 'events'], 'readwrite');
      await Promise.all([tx.objectStore('meta').put(record, 'snapshot'), tx.objectStore('events').delete(IDBKeyRange.upperBound(state.seq)), tx.done]);
    });
  }

  /** Events as they arrive; every `eventsPerSnapshot` of them, `snapshotOf()` is saved instead. */
  appendEvents(events: readonly RoomEvent[], snapshotOf: () => { state: RoomState; me: Me; clockOffset: number } | null): void {
    if (events.length === 0) return;
    this.sinceSnapshot += events.length;
    const snapshot = this.sinceSnapshot >= eventsPerSnapshot ? snapshotOf() : null;
    if (snapshot) return this.saveSnapshot(snapshot.state, snapshot.me, snapshot.clockOffset);
    this.write(async () => {
      const tx = this.db.transaction('events', 'readwrite');
      await Promise.all([...events.map((e) => tx.store.put(e)), tx.done]);
    });
  }

  saveLastContact(at: number): void {
    this.write(() => this.db.put('meta', at, 'lastContact'));
  }

  /** Waits for the writes under way (before closing for a logout, in tests). */
  flushed(): Promise<unknown> {
    return this.queue;
  }

  private write(task: () => Promise<unknown>): void {
    // One at a time, in order; a failed write (the database deleted by a logout in another tab) is dropped.
    this.queue = this.queue.then(task).catch(() => undefined);
  }
}

/** Whether `value` has every key `model` has, with the same kind of value, two levels down (what a version adds). */
export function hasShapeOf(model: unknown, value: unknown, depth = 2): boolean {
  if (typeof model !== 'object' || model === null) return typeof value === typeof model || model === null;
  if (typeof value !== 'object' || value === null || Array.isArray(model) !== Array.isArray(value)) return false;
  if (depth === 0 || Array.isArray(model)) return true;
  return Object.keys(model).every((key) => Object.hasOwn(value, key) && hasShapeOf((model as Record<string, unknown>)[key], (value as Record<string, unknown>)[key], depth - 1));
}
