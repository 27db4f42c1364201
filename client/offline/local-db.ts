import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RoomEvent } from '../../shared/core/events.js';
import type { ErrorBody } from '../../shared/core/errors.js';
import type { RoomState } from '../../shared/room-state.js';
import type { Me } from '../room/section.js';

/**
 * What this browser keeps of a room, in IndexedDB, so that the room opens and works with no network (issue 15).
 * One database per room and session (`orsan-room:<room>:<session>`), one more per Yjs document
 * (`…:doc:<name>`, written by y-indexeddb): logging out of a room deletes every database under its prefix, so
 * that a shared laptop keeps nothing of another cell.
 */

/** Every local database of a room starts with this (all sessions of this browser). */
export const roomDbPrefix = (roomId: string) => `orsan-room:${encodeURIComponent(roomId)}:`;
export const roomDbName = (roomId: string, sessionId: string) => `${roomDbPrefix(roomId)}${encodeURIComponent(sessionId)}`;
export const docDbName = (roomId: string, sessionId: string, docName: string) => `${roomDbName(roomId, sessionId)}:doc:${encodeURIComponent(docName)}`;

/** The last state this session saw, as the server filtered it for her, and where the clock stood. */
export interface RoomSnapshotRecord {
  state: RoomState;
  me: Me;
  /** Server time minus this browser's time at the last welcome: the room's clock keeps running offline. */
  clockOffset: number;
  savedAt: number;
  /** The build that wrote it: another build's reducers may not read its state (it is then dropped). */
  build: string;
}

/** A command as the outbox keeps it until the server has answered it. */
export interface OutboxRecord {
  /** Insertion order: commands are sent in the order they were given. */
  order?: number;
  /** The idempotent command id: a resend after a lost ack is never applied twice. */
  id: string;
  type: string;
  payload: unknown;
  /** When it was given (server time as known here). */
  queuedAt: number;
  status: 'pending' | 'refused';
  /** The server's refusal, for its author (status `refused`). */
  error?: ErrorBody;
}

interface RoomDbSchema extends DBSchema {
  /** `snapshot` → RoomSnapshotRecord; `lastContact` → server time of the last sign of the server. */
  meta: { key: string; value: RoomSnapshotRecord | number };
  /** Events received since the snapshot, by seq. */
  events: { key: number; value: RoomEvent };
  outbox: { key: number; value: OutboxRecord; indexes: { byId: string } };
}

export type RoomDb = IDBPDatabase<RoomDbSchema>;

/** Opens (or creates) the room's database; null where the browser has no IndexedDB (then nothing is kept). */
export async function openRoomDb(roomId: string, sessionId: string): Promise<RoomDb | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    let db: RoomDb | null = null;
    db = await openDB<RoomDbSchema>(roomDbName(roomId, sessionId), 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('events', { keyPath: 'seq' });
        db.createObjectStore('outbox', { keyPath: 'order', autoIncrement: true }).createIndex('byId', 'id', { unique: true });
      },
      // Logging out in another tab deletes this database: let it go rather than block the deletion.
      blocking() {
        db?.close();
      },
    });
    return db;
  } catch {
    // Private browsing with storage disabled, quota: the room still works, as before, from memory.
    return null;
  }
}
