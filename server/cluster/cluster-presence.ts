import type { Server } from 'socket.io';
import type { PresenceEntry } from '../../shared/protocol.js';
import type { SessionRecord } from '../store/types.js';
import { roomChannel } from '../realtime/channels.js';
import { presenceOf } from '../access/session-views.js';

/** Beyond this, a dead instance is being waited for: the caller falls back to this instance's own list. */
const FETCH_TIMEOUT_MS = 2000;

/**
 * Who is connected to a room on every instance: each instance only tracks its own sockets, so the list is
 * rebuilt from the sockets in the room's channel cluster-wide (`fetchSockets` through the Redis adapter).
 */
export function clusterPresence(io: Server): (roomId: string) => Promise<PresenceEntry[]> {
  return async (roomId) => {
    const sockets = await io.in(roomChannel(roomId)).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    const entries = new Map<string, PresenceEntry>();
    for (const socket of sockets) {
      const session = (socket.data as { session?: SessionRecord } | undefined)?.session;
      if (!session) continue;
      const entry = entries.get(session.id);
      if (entry) entry.connections += 1;
      else entries.set(session.id, presenceOf(session, 1));
    }
    return [...entries.values()];
  };
}
