import * as Y from 'yjs';
import type { DocAccess } from '../../shared/core/room-doc.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import type { DocStore, SessionRecord } from '../store/types.js';
import type { Logger } from '../ops/logger.js';
import type { DocRelay } from '../cluster/yjs-relay.js';
import { SerialQueue } from '../rooms/serial-queue.js';
import { AwarenessRelay } from './awareness-relay.js';
import { ClientOwners } from './client-owners.js';
import { UpdateRefused, type AcceptedUpdate, type DocPolicy, type RefusalKind } from './doc-policy.js';
import { rawSyncStep2Message, syncStep1Message, syncStep2Message, updateMessage } from './messages.js';
import { UpdateInspector } from './update-inspector.js';
import type { SessionBudget } from './yjs-budgets.js';

/** A WebSocket connection as a document sees it. */
export interface DocPeer {
  readonly session: SessionRecord;
  readonly access: DocAccess;
  readonly closed: boolean;
  send(message: Uint8Array): void;
  /** The session's rate limits (absent: none). */
  readonly budget?: SessionBudget;
  /** Refuses an update: the project client resyncs, a stock client is disconnected; `kind` picks the close code. */
  refuse(reason: string, kind?: RefusalKind): void;
  close(code: number, reason: string): void;
}

export interface SharedDocOptions {
  /** Stored updates after which the document is merged into one snapshot. */
  compactEvery: number;
  /** Compaction when the document has been quiet this long (if at least `compactIdleMin` updates wait). */
  compactIdleMs: number;
  compactIdleMin: number;
  /** A document nobody uses is compacted and dropped from memory after this long. */
  unloadAfterMs: number;
}

export const defaultSharedDocOptions: SharedDocOptions = { compactEvery: 500, compactIdleMs: 30_000, compactIdleMin: 20, unloadAfterMs: 60_000 };

/** Thrown by `run` on a document already unloaded: the caller opens it again. */
export class DocUnloaded extends Error {}

/**
 * One live Yjs document of a room. Every incoming update is inspected and checked by the document's policy,
 * and its Yjs client ids against their owner sessions (`ClientOwners`), BEFORE it is applied; an accepted one
 * is applied, stored durably, and only then broadcast. All of this, and every sync answer, runs on one queue,
 * so nobody ever receives content that is not stored yet.
 */
/** How long a loaded snapshot may stay packed when no client asks for it. */
const lazyMaterialiseMs = 250;

export class SharedDoc {
  readonly doc = new Y.Doc();
  // Local presence changes go to the other instances too (`relay`, several instances only).
  private readonly presence = new AwarenessRelay(this.doc, (update) => this.relay?.publish('awareness', this.roomId, this.docName, update));
  private readonly peers = new Set<DocPeer>();
  /** Stored updates read but not applied yet (see `load`). */
  private stored: Uint8Array[] | null = null;
  private readonly awaitingStep1 = new Set<DocPeer>();
  private readonly queue = new SerialQueue();
  private sinceCompaction = 0;
  private lastStoredId = 0;
  private leases = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private unloadTimer: NodeJS.Timeout | null = null;
  private unloaded = false;
  private readonly clients: ClientOwners;

  constructor(
    readonly roomId: string,
    readonly docName: string,
    private readonly store: DocStore,
    private readonly policy: DocPolicy,
    private readonly logger: Logger,
    private readonly onUnload: (doc: SharedDoc) => void,
    private readonly options: SharedDocOptions = defaultSharedDocOptions,
    private readonly relay?: DocRelay,
  ) {
    this.clients = new ClientOwners(store, roomId, docName);
  }

  /**
   * Reads the document's stored updates (a compacted snapshot counts as one). They are applied to the in-memory
   * document on first need; until then a client with an empty state vector is answered with the stored
   * snapshot itself, so a cold sync costs what a sync from memory costs.
   */
  async load(): Promise<void> {
    const updates = await this.store.loadUpdates(this.roomId, this.docName);
    this.stored = updates;
    if (updates.length !== 1) this.materialise();
    // A lone snapshot stays packed so that the clients that made us load the document get it as it is stored
    // (answerSync), without waiting for it to be applied and re-encoded; it is unpacked right after the first
    // answer, or shortly after load if nobody asks.
    else setTimeout(() => this.materialiseSoon(), lazyMaterialiseMs).unref();
    if (updates.length >= this.options.compactIdleMin) {
      // Later than the first syncs, which the clients that made us load this document are waiting for.
      const timer = setTimeout(() => {
        void this.queue.run(() => this.compactAfterLoad(updates.length)).catch((error: unknown) => this.logFailure(error, 'compaction after load'));
      }, this.options.compactIdleMs / 6);
      timer.unref();
    }
    this.scheduleUnload();
  }

  /** Unpacks the stored snapshot after whatever the queue already holds (idempotent). */
  private materialiseSoon(): void {
    void this.queue.run(() => this.materialise()).catch((error: unknown) => this.logFailure(error, 'load'));
  }

  /** Applies the stored updates not applied yet, then gives waiting peers the server's state vector. */
  private materialise(): void {
    const rows = this.stored;
    if (!rows) return;
    this.stored = null;
    Y.transact(this.doc, () => rows.forEach((u) => Y.applyUpdate(this.doc, u)), 'store');
    this.policy.loaded?.(this.doc);
    for (const peer of this.awaitingStep1) if (!peer.closed) peer.send(syncStep1Message(this.doc));
    this.awaitingStep1.clear();
  }

  get connections(): number {
    return this.peers.size;
  }

  /** False once unloaded (idle, shutdown or store failure): open it again from the registry. */
  get live(): boolean {
    return !this.unloaded;
  }

  join(peer: DocPeer): void {
    this.peers.add(peer);
    this.cancelUnload();
    if (this.stored) this.awaitingStep1.add(peer);
    else peer.send(syncStep1Message(this.doc));
    this.presence.join(peer);
  }

  leave(peer: DocPeer): void {
    if (!this.peers.delete(peer)) return;
    this.awaitingStep1.delete(peer);
    this.presence.leave(peer);
    this.scheduleUnload();
  }

  /** Answers a client's sync step 1 once every update received before it is stored. */
  answerSync(peer: DocPeer, stateVector: Uint8Array): Promise<void> {
    return this.queue.run(() => {
      if (peer.closed || this.unloaded) return;
      const snapshot = this.stored?.length === 1 ? this.stored[0]! : null;
      if (snapshot && Y.decodeStateVector(stateVector).size === 0) {
        peer.send(rawSyncStep2Message(snapshot));
        this.materialiseSoon();
        return;
      }
      this.materialise();
      peer.send(syncStep2Message(this.doc, stateVector));
    });
  }

  /** An update (or sync step 2) from a peer: checked, applied, stored, then broadcast; or refused. */
  receive(peer: DocPeer, update: Uint8Array, viaSync: boolean): Promise<void> {
    return this.queue
      .run(() => this.commit(peer, update, viaSync))
      .catch((error: unknown) => {
        if (!(error instanceof UpdateRefused)) this.logFailure(error, 'update');
        const reason = error instanceof UpdateRefused ? error.message : 'Mise à jour illisible.';
        const kind = error instanceof UpdateRefused ? error.kind : 'content';
        this.logger.warn({ roomId: this.roomId, doc: this.docName, session: peer.session.id, reason, kind }, 'yjs update refused');
        peer.refuse(reason, kind);
      });
  }

  receiveAwareness(peer: DocPeer, update: Uint8Array): void {
    if (this.peers.has(peer)) this.presence.receive(peer, update);
  }

  sendAwarenessStates(peer: DocPeer): void {
    this.presence.sendStates(peer);
  }

  /**
   * An update another instance accepted and stored: applied to this copy and passed to this instance's peers,
   * not checked nor stored again (persisted once, where it was received). Yjs ignores what is already here.
   */
  applyRelayed(update: Uint8Array): Promise<void> {
    return this.queue.run(() => this.applyForeign(update)).catch((error: unknown) => this.logFailure(error, 'relayed update'));
  }

  /** After the relay was interrupted: applies what other instances stored meanwhile, read from the store. */
  catchUpFromStore(): Promise<void> {
    return this.queue
      .run(async () => {
        if (this.unloaded) return;
        const stored = new Y.Doc();
        for (const update of await this.store.loadUpdates(this.roomId, this.docName)) Y.applyUpdate(stored, update);
        this.materialise();
        const missing = Y.encodeStateAsUpdate(stored, Y.encodeStateVector(this.doc));
        stored.destroy();
        this.applyForeign(missing);
      })
      .catch((error: unknown) => this.logFailure(error, 'catch-up from the store'));
  }

  private applyForeign(update: Uint8Array): void {
    if (this.unloaded) return;
    this.materialise();
    let changed = false;
    const mark = () => (changed = true);
    this.doc.on('update', mark);
    try {
      Y.applyUpdate(this.doc, update, 'relay');
    } finally {
      this.doc.off('update', mark);
    }
    // Nothing new (already here, or an empty diff): nobody needs to hear about it.
    if (!changed) return;
    this.policy.relayed?.(this.doc);
    const message = updateMessage(update);
    for (const peer of this.peers) peer.send(message);
  }

  applyRelayedAwareness(update: Uint8Array): void {
    if (!this.unloaded) this.presence.applyRelayed(update);
  }

  /**
   * A change the server itself writes (e.g. a reply that came through an acknowledgement link into the main
   * courante): applied on the document's queue, stored before anyone hears of it, then broadcast and relayed
   * like an accepted update. `change` returns false to write nothing (already there).
   */
  async writeAsServer(change: (doc: Y.Doc) => boolean): Promise<boolean> {
    if (this.unloaded) throw new DocUnloaded();
    this.leases++;
    try {
      return await this.queue.run(async () => {
        if (this.unloaded) throw new DocUnloaded();
        this.materialise();
        const captured: Uint8Array[] = [];
        const capture = (u: Uint8Array) => captured.push(u);
        this.doc.on('update', capture);
        let wanted = false;
        try {
          Y.transact(this.doc, () => (wanted = change(this.doc)), 'server');
        } finally {
          this.doc.off('update', capture);
        }
        if (!wanted || captured.length === 0) return false;
        const applied = captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
        try {
          this.lastStoredId = await this.store.appendUpdate(this.roomId, this.docName, applied);
        } catch (error) {
          this.logFailure(error, 'store');
          this.breakDown();
          throw error;
        }
        this.sinceCompaction++;
        const message = updateMessage(applied);
        for (const peer of this.peers) peer.send(message);
        this.relay?.publish('update', this.roomId, this.docName, applied);
        this.policy.relayed?.(this.doc);
        this.scheduleCompaction();
        return true;
      });
    } finally {
      this.leases--;
      this.scheduleUnload();
    }
  }

  /** Runs `task` on the document's queue, keeping it loaded meanwhile. */
  async run<T>(task: (doc: Y.Doc) => Promise<T> | T): Promise<T> {
    if (this.unloaded) throw new DocUnloaded();
    this.leases++;
    try {
      return await this.queue.run(() => {
        if (this.unloaded) throw new DocUnloaded();
        this.materialise();
        return task(this.doc);
      });
    } finally {
      this.leases--;
      this.scheduleUnload();
    }
  }

  /** Server shutdown: disconnects everyone, stores a snapshot, frees the document. */
  async shutdown(): Promise<void> {
    for (const peer of [...this.peers]) peer.close(1001, 'Arrêt du serveur.');
    await this.queue.run(() => this.unload());
  }

  private async commit(peer: DocPeer, update: Uint8Array, viaSync: boolean): Promise<void> {
    if (peer.closed || this.unloaded) return;
    this.materialise();
    const inspector = new UpdateInspector(update, this.doc);
    const { empty, writers } = inspector.inspection;
    // Checked even when the server has everything: a client whose offline structs sit at clocks another session
    // filled under the same id learns it here (the project client re-states its unacknowledged records).
    const checkOwners = peer.access === 'write' && writers.size > 0;
    if (empty && !checkOwners) return;
    if (peer.access !== 'write') throw new UpdateRefused('Accès en lecture seule : écriture refusée.');
    const accepted = empty ? null : this.policy.check(inspector, { session: peer.session, viaSync, ...(peer.budget ? { budget: peer.budget } : {}) });
    try {
      await this.clients.claim(peer.session.id, writers, this.doc.clientID);
    } catch (error) {
      if (error instanceof UpdateRefused) throw error;
      // The store could not say who owns the ids: nothing applied; clients reconnect and resend.
      this.logFailure(error, 'store');
      this.breakDown();
      return;
    }
    if (!accepted || peer.closed || this.unloaded) return;
    const applied = this.apply(update, accepted, peer);
    if (!applied) return;
    try {
      this.lastStoredId = await this.store.appendUpdate(this.roomId, this.docName, applied);
    } catch (error) {
      // Applied in memory but not stored: drop the in-memory copy; clients reconnect and resend.
      this.logFailure(error, 'store');
      this.breakDown();
      return;
    }
    this.sinceCompaction++;
    const message = updateMessage(applied);
    for (const other of this.peers) other.send(message);
    this.relay?.publish('update', this.roomId, this.docName, applied);
    accepted.committed?.();
    this.scheduleCompaction();
  }

  /** Applies the update, then the policy's additions; returns what changed, merged into one update. */
  private apply(update: Uint8Array, accepted: AcceptedUpdate, origin: DocPeer): Uint8Array | null {
    const captured: Uint8Array[] = [];
    const capture = (u: Uint8Array) => captured.push(u);
    this.doc.on('update', capture);
    try {
      Y.applyUpdate(this.doc, update, origin);
      // A separate, local transaction: Yjs marks applied updates as remote, and a remote transaction that
      // writes under the server's own client id makes Yjs think the id is taken and pick a new one.
      const amend = accepted.amend;
      if (amend) Y.transact(this.doc, () => amend(this.doc), 'server');
    } catch (error) {
      // A half-applied update may have changed the document: rebuild it from the store.
      this.logFailure(error, 'apply');
      origin.refuse('Mise à jour illisible.');
      this.breakDown();
      return null;
    } finally {
      this.doc.off('update', capture);
    }
    if (captured.length === 0) return null;
    return captured.length === 1 ? captured[0]! : Y.mergeUpdates(captured);
  }

  private scheduleCompaction(): void {
    if (this.sinceCompaction >= this.options.compactEvery) {
      void this.queue.run(() => this.compact()).catch((error: unknown) => this.logFailure(error, 'compaction'));
      return;
    }
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.sinceCompaction < this.options.compactIdleMin) return;
    this.idleTimer = setTimeout(() => {
      void this.queue.run(() => this.compact()).catch((error: unknown) => this.logFailure(error, 'compaction'));
    }, this.options.compactIdleMs);
    this.idleTimer.unref();
  }

  /** Merges every stored update up to the last one into a single snapshot of the document. */
  private async compact(): Promise<void> {
    if (this.unloaded || this.sinceCompaction === 0 || this.lastStoredId === 0) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    await this.store.compact(this.roomId, this.docName, snapshot, this.lastStoredId);
    this.sinceCompaction = 0;
  }

  /** The store does not tell ids on load: an empty update appended now gives the id every loaded update precedes. */
  private async compactAfterLoad(rows: number): Promise<void> {
    if (this.unloaded || this.lastStoredId !== 0) return;
    this.lastStoredId = await this.store.appendUpdate(this.roomId, this.docName, Y.encodeStateAsUpdate(new Y.Doc()));
    this.sinceCompaction = rows;
    await this.compact();
  }

  private scheduleUnload(): void {
    if (this.unloaded || this.peers.size > 0 || this.leases > 0) return;
    this.cancelUnload();
    this.unloadTimer = setTimeout(() => {
      void this.queue.run(() => (this.peers.size === 0 && this.leases === 0 ? this.unload() : undefined));
    }, this.options.unloadAfterMs);
    this.unloadTimer.unref();
  }

  private cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  private async unload(): Promise<void> {
    if (this.unloaded) return;
    await this.compact().catch((error: unknown) => this.logFailure(error, 'compaction before unload'));
    if (this.peers.size > 0) return;
    this.free();
  }

  private breakDown(): void {
    for (const peer of [...this.peers]) peer.close(yjsCloseCodes.unavailable, 'Document rechargé : reconnexion.');
    this.free();
  }

  private free(): void {
    this.unloaded = true;
    this.cancelUnload();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.onUnload(this);
    this.presence.destroy();
    this.doc.destroy();
  }

  private logFailure(error: unknown, stage: string): void {
    this.logger.error({ err: error, roomId: this.roomId, doc: this.docName, stage }, 'yjs document failure');
  }
}
