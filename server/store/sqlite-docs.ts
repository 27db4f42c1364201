import type Database from 'better-sqlite3';
import type { AsyncOf } from './async-of.js';
import type { DocStore } from './types.js';

/** The writes, synchronous, run by the writer thread: each call one transaction (a savepoint inside the thread's). */
export function sqliteDocWriter(db: Database.Database) {
  const insert = db.prepare('INSERT INTO doc_updates (room_id, doc_name, data) VALUES (?, ?, ?)');
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE room_id = ? AND doc_name = ? AND id <= ?');
  const insertWithId = db.prepare('INSERT INTO doc_updates (id, room_id, doc_name, data) VALUES (?, ?, ?, ?)');
  const bindClient = db.prepare('INSERT OR IGNORE INTO doc_clients (room_id, doc_name, client_id, session_id) VALUES (?, ?, ?, ?)');
  const ownerOf = db.prepare<[string, string, number], { session_id: string }>('SELECT session_id FROM doc_clients WHERE room_id = ? AND doc_name = ? AND client_id = ?');
  const claimTx = db.transaction((roomId: string, docName: string, sessionId: string, clientIds: number[]) => {
    const owners = new Map<number, string>();
    for (const id of clientIds) {
      bindClient.run(roomId, docName, id, sessionId);
      owners.set(id, ownerOf.get(roomId, docName, id)!.session_id);
    }
    return owners;
  });
  // The snapshot takes the id of the last update it replaces, so later updates keep sorting after it.
  const compactTx = db.transaction((roomId: string, docName: string, snapshot: Uint8Array, upToId: number) => {
    deleteUpTo.run(roomId, docName, upToId);
    insertWithId.run(upToId, roomId, docName, Buffer.from(snapshot));
  });
  return {
    appendUpdate: (roomId: string, docName: string, update: Uint8Array) => Number(insert.run(roomId, docName, Buffer.from(update)).lastInsertRowid),
    compact: (roomId: string, docName: string, snapshot: Uint8Array, upToId: number) => void compactTx(roomId, docName, snapshot, upToId),
    claimClients: (roomId: string, docName: string, sessionId: string, clientIds: number[]) => claimTx(roomId, docName, sessionId, clientIds),
  };
}

/** Yjs updates on SQLite: read on this connection, written by `write` (the writer thread's `sqliteDocWriter`). */
export function sqliteDocStore(db: Database.Database, write: AsyncOf<ReturnType<typeof sqliteDocWriter>>): DocStore {
  const selectAll = db.prepare<[string, string], { data: Buffer }>('SELECT data FROM doc_updates WHERE room_id = ? AND doc_name = ? ORDER BY id');
  const docsOfRoom = db.prepare<[string], { doc_name: string }>('SELECT DISTINCT doc_name FROM doc_updates WHERE room_id = ?');
  return {
    appendUpdate: (roomId, docName, update) => write.appendUpdate(roomId, docName, update),
    async loadUpdates(roomId, docName) {
      return selectAll.all(roomId, docName).map((r) => new Uint8Array(r.data));
    },
    compact: (roomId, docName, snapshot, upToId) => write.compact(roomId, docName, snapshot, upToId),
    async listDocs(roomId) {
      return docsOfRoom.all(roomId).map((r) => r.doc_name);
    },
    claimClients: (roomId, docName, sessionId, clientIds) => write.claimClients(roomId, docName, sessionId, clientIds),
  };
}
