import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import type { DocAccess } from '../../shared/core/room-doc.js';
import { limits } from '../../shared/core/limits.js';
import type { SessionRecord } from '../store/types.js';
import { maxAwarenessMessageBytes } from './awareness-guard.js';
import { UpdateRefused, type RefusalKind } from './doc-policy.js';
import type { Refusal, SessionBudget } from './yjs-budgets.js';
import { messageAuth, messageAwareness, messageQueryAwareness, messageSync, syncStep1, syncStep2, syncUpdate } from './messages.js';
import type { DocPeer, SharedDoc } from './shared-doc.js';

/** A dead peer is noticed within two intervals (the stock server's figure). */
const pingIntervalMs = 30_000;

/** WebSocket close reasons are limited to 123 bytes of UTF-8. */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 120) reason = reason.slice(0, -2) + '…';
  return reason;
}

/**
 * One y-websocket connection to one document. Every message is first checked against the size limits and the
 * session's budget (`yjs-budgets.ts`); messages that arrive before the document is loaded are kept and replayed
 * in order once it is attached. A refused update closes with `resync` for the project's client
 * (`?client=orsan`), which drops its local copy and reconnects, and with `refused` for a stock client; a
 * message too large, too fast or under another session's client id closes with its own code for both.
 */
export class YjsConnection implements DocPeer {
  private doc: SharedDoc | null = null;
  private early: Uint8Array[] = [];
  private alive = true;
  private ping: NodeJS.Timeout | null = null;
  private finished = false;
  closed = false;

  constructor(
    private readonly ws: WebSocket,
    readonly session: SessionRecord,
    readonly access: DocAccess,
    private readonly projectClient: boolean,
    private readonly onClosed: (connection: YjsConnection) => void,
    readonly budget: SessionBudget,
  ) {
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => this.onMessage(toBytes(data)));
    ws.on('pong', () => (this.alive = true));
    ws.on('error', () => this.close(1011, 'Erreur de connexion.'));
    ws.on('close', () => this.ended());
  }

  /** Starts the protocol once the document is live: the server's sync step 1, awareness, then buffered messages. */
  attach(doc: SharedDoc): void {
    if (this.closed) return;
    this.doc = doc;
    doc.join(this);
    const early = this.early;
    this.early = [];
    for (const message of early) this.handle(message);
    this.ping = setInterval(() => {
      if (!this.alive) return this.close(1001, 'Connexion perdue.');
      this.alive = false;
      this.ws.ping();
    }, pingIntervalMs);
    this.ping.unref();
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(message, (error) => {
      if (error) this.close(1011, 'Envoi impossible.');
    });
  }

  refuse(reason: string, kind: RefusalKind = 'content'): void {
    if (kind === 'tooLarge') return this.close(yjsCloseCodes.tooLarge, reason);
    if (kind === 'rateLimited') return this.close(yjsCloseCodes.rateLimited, reason);
    if (kind === 'clientIdTaken') return this.close(yjsCloseCodes.clientIdTaken, reason);
    this.close(this.projectClient ? yjsCloseCodes.resync : yjsCloseCodes.refused, reason);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.close(code, closeReason(reason));
    this.ended();
  }

  private ended(): void {
    this.closed = true;
    if (this.finished) return;
    this.finished = true;
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
    this.doc?.leave(this);
    this.doc = null;
    this.onClosed(this);
  }

  /** A message off the wire: sized and counted against the session's budget first, even before the document is loaded. */
  private onMessage(message: Uint8Array): void {
    if (this.closed) return;
    const refusal = this.admit(message);
    if (refusal) return this.close(refusal.code, refusal.reason);
    if (!this.doc) {
      this.early.push(message);
      return;
    }
    this.handle(message);
  }

  /** Size and rate, read from the first byte (message types are 0–3, one byte): nothing is decoded yet. */
  private admit(message: Uint8Array): Refusal | null {
    const type = message[0];
    if (type === messageAwareness || type === messageQueryAwareness) {
      if (message.byteLength > maxAwarenessMessageBytes) {
        return { code: yjsCloseCodes.tooLarge, reason: `Message de présence trop volumineux (${message.byteLength} octets) : il n'a pas été relayé.` };
      }
      return this.budget.awareness();
    }
    if (message.byteLength > limits.maxYjsUpdateBytes) {
      const mib = (n: number) => (n / 2 ** 20).toFixed(1);
      return {
        code: yjsCloseCodes.tooLarge,
        reason: `Mise à jour trop volumineuse (${mib(message.byteLength)} Mio ; ${mib(limits.maxYjsUpdateBytes)} au plus) : non appliquée.`,
      };
    }
    return this.budget.update();
  }

  private handle(message: Uint8Array): void {
    if (this.closed || !this.doc) return;
    const doc = this.doc;
    try {
      const decoder = decoding.createDecoder(message);
      const type = decoding.readVarUint(decoder);
      if (type === messageSync) return this.onSync(doc, decoder);
      if (type === messageAwareness) return doc.receiveAwareness(this, decoding.readVarUint8Array(decoder));
      if (type === messageQueryAwareness) return doc.sendAwarenessStates(this);
      if (type !== messageAuth) this.refuse('Type de message inconnu.');
    } catch (error) {
      if (error instanceof UpdateRefused) this.refuse(error.message, error.kind);
      else this.refuse('Message illisible.');
    }
  }

  private onSync(doc: SharedDoc, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncStep1) void doc.answerSync(this, payload);
    else if (step === syncStep2 || step === syncUpdate) void doc.receive(this, payload, step === syncStep2);
    else this.refuse('Message de synchronisation inconnu.');
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
