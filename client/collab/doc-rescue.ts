import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/**
 * What a document's feature keeps of the local copy when the server makes the client start over, so that a
 * person never loses what she wrote without being told (the main courante's is `mainCouranteRescue`).
 * `R` is one record of hers (an entry, a flag…).
 */
export interface DocRescue<R> {
  /** Before the local copy is dropped: her records the server may not have (not acknowledged yet). */
  pending(doc: Y.Doc): R[];
  /** Once the new copy holds the server's state: those of `pending` the server does not have. */
  missing(doc: Y.Doc, pending: R[]): R[];
  /** Writes records again into the (new) copy, under its own Yjs client id. */
  resend(doc: Y.Doc, records: R[]): void;
  /**
   * An update re-stating her unacknowledged records, structs included even below the server's clocks (where the
   * sync protocol sends nothing), or null when there are none. The server refuses it (4423) when those clocks
   * hold another session's writes under the same client id.
   */
  restatement(doc: Y.Doc): Uint8Array | null;
}

/** A record the server refused, and why (the server's words). */
export interface RefusedRecord<R> {
  record: R;
  reason: string;
}

/** A y-websocket sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
