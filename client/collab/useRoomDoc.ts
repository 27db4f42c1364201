import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Me } from '../room/section.js';
import type { DocRescue } from './doc-rescue.js';
import { RoomDocConnection, type DocSnapshot } from './room-doc-connection.js';

/** How long a document stays connected after its last user unmounts (switching tabs must not drop it). */
const lingerMs = 30_000;

interface Slot {
  /** Of the record type its creator's rescue deals in (one document, one feature). */
  connection: { destroy(): Promise<void> };
  users: number;
  timer: ReturnType<typeof setTimeout> | null;
}

const live = new Map<string, Slot>();

/** A slot's key: its room first (encoded, so that one room's prefix is never another's), for `closeRoomDocs`. */
const roomPrefix = (roomId: string) => `${encodeURIComponent(roomId)}/`;
const slotKey = (me: Me, docName: string) => `${roomPrefix(me.roomId)}${me.sessionId}/${docName}`;

function acquire<R>(me: Me, docName: string, rescue: DocRescue<R> | null): RoomDocConnection<R> {
  const key = slotKey(me, docName);
  let slot = live.get(key);
  if (!slot) {
    slot = { connection: new RoomDocConnection<R>(me, docName, rescue), users: 0, timer: null };
    live.set(key, slot);
  }
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.users++;
  // One document, one feature: every user of `docName` passes the same kind of rescue (or none).
  return slot.connection as RoomDocConnection<R>;
}

function release(me: Me, docName: string): void {
  const key = slotKey(me, docName);
  const slot = live.get(key);
  if (!slot || --slot.users > 0) return;
  slot.timer = setTimeout(() => {
    live.delete(key);
    void slot.connection.destroy();
  }, lingerMs);
}

/**
 * Closes every document of a room at once, without the linger (logging out: the local copies must be closed
 * before they are deleted).
 */
export async function closeRoomDocs(roomId: string): Promise<void> {
  const closing: Promise<void>[] = [];
  for (const [key, slot] of live) {
    if (!key.startsWith(roomPrefix(roomId))) continue;
    if (slot.timer) clearTimeout(slot.timer);
    live.delete(key);
    closing.push(slot.connection.destroy());
  }
  await Promise.all(closing);
}

const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/**
 * A room document (`main-courante`, `comms-d3`…) shared by every component of the page that asks for it,
 * with its connection status. Offline, edits are kept on the device (IndexedDB) and merge on reconnection.
 * `rescue` (read when the document is first opened) keeps the person's records when the copy must be dropped.
 */
export function useRoomDoc<R = never>(me: Me, docName: string | null, rescue: DocRescue<R> | null = null): DocSnapshot<R> | null {
  const [connection, setConnection] = useState<RoomDocConnection<R> | null>(null);
  useEffect(() => {
    if (!docName) return;
    const acquired = acquire(me, docName, rescue);
    setConnection(acquired);
    return () => {
      setConnection(null);
      release(me, docName);
    };
    // `rescue` is read when the connection is first acquired only: a new object each render must not reconnect.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as said above
  }, [me, docName]);
  return useSyncExternalStore(connection?.subscribe ?? noSubscribe, connection?.snapshot ?? noSnapshot);
}
