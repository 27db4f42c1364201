import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Me } from '../room/section.js';
import { RoomDocConnection, type DocSnapshot } from './room-doc-connection.js';

/** How long a document stays connected after its last user unmounts (switching tabs must not drop it). */
const lingerMs = 30_000;

const live = new Map<string, { connection: RoomDocConnection; users: number; timer: ReturnType<typeof setTimeout> | null }>();

function acquire(me: Me, docName: string): RoomDocConnection {
  const key = `${me.roomId}/${me.sessionId}/${docName}`;
  let slot = live.get(key);
  if (!slot) {
    slot = { connection: new RoomDocConnection(me, docName), users: 0, timer: null };
    live.set(key, slot);
  }
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.users++;
  return slot.connection;
}

function release(me: Me, docName: string): void {
  const key = `${me.roomId}/${me.sessionId}/${docName}`;
  const slot = live.get(key);
  if (!slot || --slot.users > 0) return;
  slot.timer = setTimeout(() => {
    live.delete(key);
    slot.connection.destroy();
  }, lingerMs);
}

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/**
 * A room document (`main-courante`, `comms-d3`…) shared by every component of the page that asks for it,
 * with its connection status. Offline, edits stay in memory while the tab is open and merge on reconnection.
 */
export function useRoomDoc(me: Me, docName: string | null): DocSnapshot | null {
  const [connection, setConnection] = useState<RoomDocConnection | null>(null);
  useEffect(() => {
    if (!docName) return;
    const acquired = acquire(me, docName);
    setConnection(acquired);
    return () => {
      setConnection(null);
      release(me, docName);
    };
  }, [me, docName]);
  return useSyncExternalStore(connection?.subscribe ?? noSubscribe, connection?.snapshot ?? noSnapshot);
}
