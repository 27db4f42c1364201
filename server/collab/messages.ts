import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** Message types of the y-websocket protocol (first varUint of every message). */
export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

/** Sub-types of a sync message (y-protocols/sync). */
export const syncStep1 = syncProtocol.messageYjsSyncStep1;
export const syncStep2 = syncProtocol.messageYjsSyncStep2;
export const syncUpdate = syncProtocol.messageYjsUpdate;

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The server's state vector: the client answers with everything the server lacks. */
export const syncStep1Message = (doc: Y.Doc) =>
  message((e) => {
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeSyncStep1(e, doc);
  });

/** Everything the client lacks, given its state vector. */
export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeSyncStep2(e, doc, stateVector);
  });

/** A sync step 2 carrying an update as is (a stored snapshot answers a client that has nothing). */
export const rawSyncStep2Message = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });

export const updateMessage = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeUpdate(e, update);
  });

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]) =>
  message((e) => {
    encoding.writeVarUint(e, messageAwareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });
