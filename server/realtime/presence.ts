import type { PresenceEntry } from '../../shared/protocol.js';
import type { SessionRecord } from '../store/types.js';
import { presenceOf } from '../access/session-views.js';

/**
 * Who is connected, per room and session (a person may have several tabs). Volatile: not in the log.
 * Broadcasts are coalesced per room so that a burst of connections sends one presence message, not N².
 */
export class PresenceTracker {
  private readonly rooms = new Map<string, Map<string, PresenceEntry>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly publish: (roomId: string, participants: PresenceEntry[]) => void,
    private readonly coalesceMs = 100,
  ) {}

  connected(session: SessionRecord): void {
    const room = this.roomOf(session.roomId);
    const entry = room.get(session.id);
    if (entry) entry.connections += 1;
    else room.set(session.id, presenceOf(session, 1));
    this.schedule(session.roomId);
  }

  disconnected(session: SessionRecord): void {
    const room = this.roomOf(session.roomId);
    const entry = room.get(session.id);
    if (!entry) return;
    entry.connections -= 1;
    if (entry.connections <= 0) room.delete(session.id);
    this.schedule(session.roomId);
  }

  list(roomId: string): PresenceEntry[] {
    return [...this.roomOf(roomId).values()].map((e) => ({ ...e }));
  }

  stop(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private roomOf(roomId: string): Map<string, PresenceEntry> {
    let room = this.rooms.get(roomId);
    if (!room) this.rooms.set(roomId, (room = new Map()));
    return room;
  }

  private schedule(roomId: string): void {
    if (this.pending.has(roomId)) return;
    this.pending.set(
      roomId,
      setTimeout(() => {
        this.pending.delete(roomId);
        this.publish(roomId, this.list(roomId));
      }, this.coalesceMs),
    );
  }
}
