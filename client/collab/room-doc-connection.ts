import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { yjsCloseCodes, yjsRoomPath } from '../../shared/core/yjs-protocol.js';
import type { Me } from '../room/section.js';
import { colorOf } from './user-color.js';
import { requestYjsTicket, ticketedWebSocket } from './ticketed-websocket.js';
import { updateMessage, type DocRescue, type RefusedRecord } from './doc-rescue.js';
import { docDbName } from '../offline/local-db.js';

export type DocStatus = 'connecting' | 'connected' | 'disconnected';

/** What the last close of the server meant for the person, with the server's reason (French). */
export type DocNotice =
  /** An update was refused: the local copy was rebuilt from the server's (refused records are in `refused`). */
  | { kind: 'reloaded'; reason: string }
  /** Our Yjs client id was taken: the copy was rebuilt under a new id, and `count` unsent records sent again. */
  | { kind: 'resent'; reason: string; count: number }
  /** Too much too fast: the connection resumes by itself after a pause. */
  | { kind: 'paused'; reason: string }
  /** Closed for good (session revoked or expired). */
  | { kind: 'closed'; reason: string };

/** What a component reads of a live document; replaced (never mutated) on every change, for `useSyncExternalStore`. */
export interface DocSnapshot<R = never> {
  doc: Y.Doc;
  provider: WebsocketProvider;
  status: DocStatus;
  synced: boolean;
  notice: DocNotice | null;
  /** Bumped each time the local copy is dropped and rebuilt from the server. */
  generation: number;
  /** Records of ours the server refused, kept so that their author sees them and why (see `DocRescue`). */
  refused: ReadonlyArray<RefusedRecord<R>>;
  /** Sends a refused record again, as it was; if the server still refuses it, it comes back with the new reason. */
  resendRefused(item: RefusedRecord<R>): void;
  /** Forgets a refused record (its author copied it, or gave it up). */
  dismissRefused(item: RefusedRecord<R>): void;
}

/** The copy of a document kept on this device (y-indexeddb in the browser). */
export interface LocalCopy {
  /** Stops writing (the document is closed); the data stays. */
  destroy(): Promise<void>;
  /** Stops writing and deletes the data (the server made us start over: its copy is the truth). */
  clearData(): Promise<void>;
}

/** Where the server is and how to reach it: the page's origin in the browser; given explicitly in Node tests. */
export interface ConnectionEnv {
  /** Base of REST calls (`''`: same origin). */
  httpBase: string;
  /** Base of WebSocket URLs (`ws(s)://host`). */
  wsBase: string;
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  /** Keeps the document on this device (the page: IndexedDB, per room and session); none in Node tests. */
  localCopy?: (doc: Y.Doc) => LocalCopy;
}

/**
 * The page's origin, and a copy of each document in IndexedDB (issue 15): what a person writes offline survives
 * a reload, a crash or a closed lid, and the room opens with its documents with no network.
 */
const pageEnv = (me: Me, docName: string): ConnectionEnv => ({
  httpBase: '',
  wsBase: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`,
  ...(typeof indexedDB === 'undefined' ? {} : { localCopy: (doc: Y.Doc) => new IndexeddbPersistence(docDbName(me.roomId, me.sessionId, docName), doc) }),
});

/** Pause before reconnecting after a rate-limit close: 5 s, doubling while it repeats, at most a minute. */
const pauseMs = (repeats: number) => Math.min(60_000, 5_000 * 2 ** repeats);

/**
 * One room document over the stock y-websocket provider, plus what the project's client adds:
 * - a fresh single-use ticket before every (re)connection (`ticketedWebSocket`): no session token in URLs;
 * - it tells the server it can resync (`client=orsan`): when the server refuses an update (4409, 4413), the local
 *   copy, which holds the refused change, is dropped and rebuilt from the server's, and the author's records
 *   the server does not have are kept in `refused` (with the reason) for her to send again or drop;
 * - when the server says our Yjs client id belongs to another session (4423), the copy is rebuilt under a new
 *   id and those records are sent again by themselves;
 * - when rate-limited (4429) it pauses, then reconnects with its copy intact.
 * BroadcastChannel is off: two tabs must not exchange updates the server has not checked.
 */
export class RoomDocConnection<R = never> {
  private snapshotValue: DocSnapshot<R>;
  private readonly listeners = new Set<() => void>();
  private pauses = 0;
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private localCopy: LocalCopy | null = null;
  /** Settles once the previous local copy is deleted (after a restart): the next one waits for it. */
  private localCopyCleared: Promise<void> = Promise.resolve();
  private destroyed = false;
  private readonly env: ConnectionEnv;

  constructor(
    private readonly me: Me,
    readonly docName: string,
    private readonly rescue: DocRescue<R> | null = null,
    env?: ConnectionEnv,
  ) {
    this.env = env ?? pageEnv(me, docName);
    this.snapshotValue = this.open(0, null, []);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): DocSnapshot<R> => this.snapshotValue;

  private readonly resendRefused = (item: RefusedRecord<R>): void => {
    this.update({ refused: this.snapshotValue.refused.filter((r) => r !== item) });
    this.rescue?.resend(this.snapshotValue.doc, [item.record]);
  };

  private readonly dismissRefused = (item: RefusedRecord<R>): void => {
    this.update({ refused: this.snapshotValue.refused.filter((r) => r !== item) });
  };

  /** Closes the connection and the local copy; resolves once the copy's database is closed (before a wipe). */
  async destroy(): Promise<void> {
    this.destroyed = true;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.snapshotValue.provider.destroy();
    this.snapshotValue.doc.destroy();
    this.listeners.clear();
    await this.localCopyCleared;
    await this.localCopy?.destroy();
  }

  private open(generation: number, notice: DocNotice | null, refused: ReadonlyArray<RefusedRecord<R>>): DocSnapshot<R> {
    const doc = new Y.Doc();
    const { roomId, token } = this.me;
    const { httpBase, wsBase, fetch: fetchImpl, WebSocket: Socket } = this.env;
    const provider = new WebsocketProvider(wsBase + yjsRoomPath(roomId), this.docName, doc, {
      params: { client: 'orsan' },
      // Every (re)connection redeems a fresh single-use ticket: the session token never goes into a URL.
      WebSocketPolyfill: ticketedWebSocket(() => requestYjsTicket(httpBase, roomId, token, fetchImpl), Socket),
      disableBc: true,
    });
    this.keepLocally(doc);
    provider.awareness.setLocalStateField('user', { name: this.me.name, color: colorOf(this.me.sessionId), cell: this.me.cell ?? null });
    provider.on('status', ({ status }) => this.update({ status }));
    provider.on('sync', (synced: boolean) => {
      if (provider !== this.snapshotValue.provider) return;
      if (synced) this.onSynced(doc, provider);
      this.update({ synced, ...(synced && this.snapshotValue.notice?.kind === 'paused' ? { notice: null } : {}) });
    });
    provider.on('connection-close', (event) => {
      if (!event || provider !== this.snapshotValue.provider) return;
      const reason = event.reason || String(event.code);
      if (event.code === yjsCloseCodes.resync || event.code === yjsCloseCodes.tooLarge) this.restart('reloaded', reason);
      else if (event.code === yjsCloseCodes.clientIdTaken) this.restart(this.rescue ? 'resent' : 'reloaded', reason);
      else if (event.code === yjsCloseCodes.rateLimited) this.pause(reason);
      else if (event.code >= 4400 && event.code < 4500) this.update({ notice: { kind: 'closed', reason } });
    });
    return { doc, provider, status: 'connecting', synced: false, notice, generation, refused, resendRefused: this.resendRefused, dismissRefused: this.dismissRefused };
  }

  /**
   * Attaches the device's copy to `doc`, once the previous copy (if the server made us start over) is deleted:
   * what was stored loads into `doc` (and goes to the server as any local change), what changes is stored.
   */
  private keepLocally(doc: Y.Doc): void {
    const create = this.env.localCopy;
    if (!create) return;
    void this.localCopyCleared.then(() => {
      if (this.destroyed || doc !== this.snapshotValue.doc) return;
      this.localCopy = create(doc);
    });
  }

  /**
   * Synced: re-states our unacknowledged records to the server. The sync protocol only sends what lies beyond
   * the server's clocks; if another session filled our clocks meanwhile (client-id squatting), only this tells
   * the server, which answers 4423.
   */
  private onSynced(doc: Y.Doc, provider: WebsocketProvider): void {
    this.pauses = 0;
    const probe = this.rescue?.restatement(doc);
    if (probe && provider.ws && provider.wsconnected) provider.ws.send(updateMessage(probe));
  }

  /** Drops the local copy for a fresh one (a new Yjs client id), keeping what the server lacks of ours. */
  private restart(kind: 'reloaded' | 'resent', reason: string): void {
    const previous = this.snapshotValue;
    const pending = this.rescue?.pending(previous.doc) ?? [];
    // The stored copy holds what the server refused: it goes, and the new one starts from the server's state.
    const stale = this.localCopy;
    this.localCopy = null;
    this.localCopyCleared = this.localCopyCleared.then(() => stale?.clearData()).catch(() => undefined);
    // Leave the close handler of the old provider first, then drop it.
    queueMicrotask(() => {
      previous.provider.destroy();
      previous.doc.destroy();
    });
    const notice: DocNotice = kind === 'resent' ? { kind, reason, count: 0 } : { kind, reason };
    const next = this.open(previous.generation + 1, notice, previous.refused);
    this.snapshotValue = next;
    this.emit();
    const rescue = this.rescue;
    if (!rescue || pending.length === 0) return;
    const onSync = (synced: boolean) => {
      if (!synced) return;
      next.provider.off('sync', onSync);
      if (this.snapshotValue.doc !== next.doc) return;
      const missing = rescue.missing(next.doc, pending);
      if (kind === 'resent') {
        rescue.resend(next.doc, missing);
        this.update({ notice: { kind, reason, count: missing.length } });
      } else {
        this.update({ refused: [...this.snapshotValue.refused, ...missing.map((record) => ({ record, reason }))] });
      }
    };
    next.provider.on('sync', onSync);
  }

  private pause(reason: string): void {
    this.update({ notice: { kind: 'paused', reason } });
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    const provider = this.snapshotValue.provider;
    this.pauseTimer = setTimeout(() => {
      this.pauseTimer = null;
      if (provider === this.snapshotValue.provider) provider.connect();
    }, pauseMs(this.pauses++));
  }

  private update(change: Partial<DocSnapshot<R>>): void {
    this.snapshotValue = { ...this.snapshotValue, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
