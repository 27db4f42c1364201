import type { PresenceEntry } from '../../shared/protocol.js';

interface PeerList {
  entries: PresenceEntry[];
  /** The sender's sequence number: a list older than the one held is ignored. */
  seq: number;
  /** When this instance last heard the list, on its own clock (never the sender's: clocks of machines differ). */
  heardAt: number;
}

const sameEntries = (a: readonly PresenceEntry[], b: readonly PresenceEntry[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Who is connected to each room across a cluster, as one instance knows it: its own list per room, and the
 * latest list every other instance published for it. Pure (time is passed in), so that merging and expiry
 * are tested without Redis. Every key (room, instance, session) comes from outside: all maps, never objects.
 */
export class PresenceBoard {
  private readonly own = new Map<string, PresenceEntry[]>();
  /** roomId → instance id → that instance's list for the room. */
  private readonly peers = new Map<string, Map<string, PeerList>>();

  /** @param expiryMs a list not heard again within this delay is dropped: its instance is presumed dead. */
  constructor(private readonly expiryMs: number) {}

  /** This instance's list for a room (empty: nobody here). */
  setOwn(roomId: string, entries: PresenceEntry[]): void {
    if (entries.length === 0) this.own.delete(roomId);
    else this.own.set(roomId, entries);
  }

  /** The rooms where someone is connected to this instance, with their lists: what a heartbeat republishes. */
  ownLists(): Array<[roomId: string, entries: PresenceEntry[]]> {
    return [...this.own.entries()];
  }

  /**
   * Takes a list another instance published for a room (empty: nobody there any more).
   * Returns whether the merged list of the room changed (a heartbeat repeating the same list does not).
   */
  receive(from: string, roomId: string, seq: number, entries: PresenceEntry[], now: number): boolean {
    let lists = this.peers.get(roomId);
    const held = lists?.get(from);
    if (held && seq <= held.seq) return false;
    if (entries.length === 0) {
      if (!held || !lists) return false;
      lists.delete(from);
      if (lists.size === 0) this.peers.delete(roomId);
      return true;
    }
    if (!lists) this.peers.set(roomId, (lists = new Map()));
    lists.set(from, { entries, seq, heardAt: now });
    return !held || !sameEntries(held.entries, entries);
  }

  /** Drops every list of an instance (it said goodbye); returns the rooms whose merged list changed. */
  forget(from: string): string[] {
    const changed: string[] = [];
    for (const [roomId, lists] of this.peers) {
      if (!lists.delete(from)) continue;
      changed.push(roomId);
      if (lists.size === 0) this.peers.delete(roomId);
    }
    return changed;
  }

  /** Drops the lists not heard for longer than the expiry; returns the rooms whose merged list changed. */
  expire(now: number): string[] {
    const changed = new Set<string>();
    for (const [roomId, lists] of this.peers) {
      for (const [from, list] of lists) {
        if (now - list.heardAt <= this.expiryMs) continue;
        lists.delete(from);
        changed.add(roomId);
      }
      if (lists.size === 0) this.peers.delete(roomId);
    }
    return [...changed];
  }

  /** Everyone connected to the room on any instance; a session with sockets on several counts them all. */
  merged(roomId: string): PresenceEntry[] {
    const bySession = new Map<string, PresenceEntry>();
    const lists = [this.own.get(roomId) ?? [], ...[...(this.peers.get(roomId)?.values() ?? [])].map((list) => list.entries)];
    for (const entries of lists) {
      for (const entry of entries) {
        const seen = bySession.get(entry.sessionId);
        if (seen) seen.connections += entry.connections;
        else bySession.set(entry.sessionId, { ...entry });
      }
    }
    return [...bySession.values()];
  }
}
