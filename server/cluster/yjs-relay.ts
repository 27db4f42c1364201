import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../ops/logger.js';

/** What another instance published about one document. */
export interface RelayedDocMessage {
  kind: 'update' | 'awareness';
  roomId: string;
  docName: string;
  payload: Uint8Array;
}

/**
 * Carries the Yjs traffic of documents between instances, so that people editing one document through
 * different instances converge live. Only what an instance has accepted (and, for updates, stored) is
 * published; the receiving instances apply it to their copy and pass it to their peers without storing it
 * again: each update is persisted once, by the instance that received it from its author.
 */
export interface DocRelay {
  publish(kind: RelayedDocMessage['kind'], roomId: string, docName: string, payload: Uint8Array): void;
  /** Receives what the other instances publish (never this instance's own messages). */
  subscribe(handler: (message: RelayedDocMessage) => void): void;
  /** Told when the relay is back after an interruption: what was published meanwhile never arrived. */
  onResumed(handler: () => void): void;
  close(): Promise<void>;
}

const kinds = ['update', 'awareness'] as const;

/**
 * Frame: kind (1 byte) · header length (4 bytes) · header JSON {from, roomId, docName} · Yjs payload.
 * Binary, so a large update travels without base64.
 */
export function encodeRelayFrame(from: string, message: RelayedDocMessage): Buffer {
  const header = Buffer.from(JSON.stringify({ from, roomId: message.roomId, docName: message.docName }));
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(kinds.indexOf(message.kind), 0);
  prefix.writeUInt32BE(header.length, 1);
  return Buffer.concat([prefix, header, message.payload]);
}

export function decodeRelayFrame(frame: Buffer): { from: string; message: RelayedDocMessage } {
  const kind = kinds[frame.readUInt8(0)];
  if (!kind) throw new Error('unknown relay frame kind');
  const headerLength = frame.readUInt32BE(1);
  const header = JSON.parse(frame.subarray(5, 5 + headerLength).toString()) as { from: string; roomId: string; docName: string };
  const payload = new Uint8Array(frame.subarray(5 + headerLength));
  return { from: header.from, message: { kind, roomId: header.roomId, docName: header.docName, payload } };
}

/**
 * The relay over Redis pub/sub on `<namespace>:yjs`: fire and forget. A message lost while Redis is down
 * costs no data — every update is in PostgreSQL, and clients resync from it when they reconnect or when the
 * document reloads — only the live view of the other instance's editors until then.
 */
export async function redisDocRelay(redis: Redis, namespace: string, logger: Logger): Promise<DocRelay> {
  const channel = `${namespace}:yjs`;
  const self = randomUUID();
  // Named, so that an operator (or a test) can tell it apart in CLIENT LIST.
  const subscriber = redis.duplicate({ connectionName: `${namespace}:yjs-relay` });
  subscriber.on('error', () => undefined);
  const handlers: Array<(message: RelayedDocMessage) => void> = [];
  const resumed: Array<() => void> = [];
  let connectedOnce = false;
  // ioredis reconnects and subscribes again by itself; every 'ready' after the first follows a gap.
  subscriber.on('ready', () => {
    if (connectedOnce) for (const handler of resumed) handler();
    connectedOnce = true;
  });
  subscriber.on('messageBuffer', (from: Buffer, frame: Buffer) => {
    if (from.toString() !== channel) return;
    try {
      const decoded = decodeRelayFrame(frame);
      if (decoded.from === self) return;
      for (const handler of handlers) handler(decoded.message);
    } catch (error) {
      logger.warn({ err: error }, 'unreadable Yjs relay message');
    }
  });
  await subscriber.subscribe(channel);
  return {
    publish(kind, roomId, docName, payload) {
      redis.publish(channel, encodeRelayFrame(self, { kind, roomId, docName, payload })).catch((error: unknown) => {
        logger.warn({ err: error, roomId, doc: docName }, 'Yjs relay: publish failed');
      });
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    onResumed(handler) {
      resumed.push(handler);
    },
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
