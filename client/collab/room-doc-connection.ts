import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { yjsCloseCodes, yjsRoomPath } from '../../shared/main-courante/room-docs.js';
import type { Me } from '../room/section.js';
import { colorOf } from './user-color.js';
import { requestYjsTicket, ticketedWebSocket } from './ticketed-websocket.js';

export type DocStatus = 'connecting' | 'connected' | 'disconnected';

/** What a component reads of a live document; replaced (never mutated) on every change, for `useSyncExternalStore`. */
export interface DocSnapshot {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: DocStatus;
  synced: boolean;
  /** Why the server refused our last update or closed the connection (shown once, French from the server). */
  notice: string | null;
  /** Bumped each time the local copy is dropped and rebuilt from the server (after a refused update). */
  generation: number;
}

const wsBase = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;

/**
 * One room document over the stock y-websocket provider, plus what the project's client adds: it tells the
 * server it can resync (`client=orsan`), and when the server refuses an update (close 4409) it drops its local
 * copy, which holds the refused change, and starts again from the server's. BroadcastChannel is off: two tabs
 * must not exchange updates the server has not checked.
 */
export class RoomDocConnection {
  private snapshotValue: DocSnapshot;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly me: Me,
    readonly docName: string,
  ) {
    this.snapshotValue = this.open(0, null);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): DocSnapshot => this.snapshotValue;

  destroy(): void {
    this.snapshotValue.provider.destroy();
    this.snapshotValue.doc.destroy();
    this.listeners.clear();
  }

  private open(generation: number, notice: string | null): DocSnapshot {
    const doc = new Y.Doc();
    const { roomId, token } = this.me;
    const provider = new WebsocketProvider(wsBase() + yjsRoomPath(roomId), this.docName, doc, {
      params: { client: 'orsan' },
      // Every (re)connection redeems a fresh single-use ticket: the session token never goes into a URL.
      WebSocketPolyfill: ticketedWebSocket(() => requestYjsTicket('', roomId, token)),
      disableBc: true,
    });
    provider.awareness.setLocalStateField('user', { name: this.me.name, color: colorOf(this.me.sessionId), cell: this.me.cell ?? null });
    provider.on('status', ({ status }) => this.update({ status }));
    provider.on('sync', (synced: boolean) => this.update({ synced }));
    provider.on('connection-close', (event) => {
      if (!event || provider !== this.snapshotValue.provider) return;
      if (event.code === yjsCloseCodes.resync) this.resync(event.reason);
      else if (event.code >= 4400 && event.code < 4500) this.update({ notice: event.reason || String(event.code) });
    });
    return { doc, provider, status: 'connecting', synced: false, notice, generation };
  }

  private resync(reason: string): void {
    const previous = this.snapshotValue;
    // Leave the close handler of the old provider first, then drop it.
    queueMicrotask(() => {
      previous.provider.destroy();
      previous.doc.destroy();
    });
    this.snapshotValue = this.open(previous.generation + 1, reason);
    this.emit();
  }

  private update(change: Partial<DocSnapshot>): void {
    this.snapshotValue = { ...this.snapshotValue, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
