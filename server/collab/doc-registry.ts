import type * as Y from 'yjs';
import type { RoomDocRef } from '../../shared/core/room-doc.js';
import { resolveRoomDoc } from '../../shared/room-docs.js';
import type { RoomService } from '../rooms/room-service.js';
import type { DocStore } from '../store/types.js';
import type { Logger } from '../ops/logger.js';
import type { DocRelay } from '../cluster/yjs-relay.js';
import { freePolicy, type DocPolicy, type DocPolicyFactory } from './doc-policy.js';
import { DocUnloaded, SharedDoc, defaultSharedDocOptions, type SharedDocOptions } from './shared-doc.js';

/** The live Yjs documents of this instance, loaded from the store on first use and dropped when idle. */
export class DocRegistry {
  private readonly live = new Map<string, Promise<SharedDoc>>();
  private readonly loaded = new Map<string, SharedDoc>();

  constructor(
    private readonly store: DocStore,
    private readonly rooms: RoomService,
    private readonly logger: Logger,
    /** Each kind's policy, from the server features (`docPolicies`); a kind without one takes any complete update. */
    private readonly policies: ReadonlyMap<string, DocPolicyFactory> = new Map(),
    private readonly options: SharedDocOptions = defaultSharedDocOptions,
    private readonly relay?: DocRelay,
  ) {
    // What other instances accepted reaches the documents open here (a loading one once loaded); the others
    // will read it from the store when they load.
    relay?.subscribe(({ kind, roomId, docName, payload }) => {
      void this.live.get(`${roomId}/${docName}`)?.then(
        (shared) => (kind === 'update' ? shared.applyRelayed(payload) : shared.applyRelayedAwareness(payload)),
        () => undefined,
      );
    });
    relay?.onResumed(() => {
      for (const shared of this.loaded.values()) void shared.catchUpFromStore();
    });
  }

  /** The live document, loaded (and its policy set up) if needed. */
  open(roomId: string, ref: RoomDocRef): Promise<SharedDoc> {
    const key = `${roomId}/${ref.docName}`;
    let pending = this.live.get(key);
    if (!pending) {
      pending = this.create(roomId, ref, key);
      this.live.set(key, pending);
      pending.catch(() => this.live.delete(key));
    }
    return pending;
  }

  /** Runs `task` on a room document's queue, loading it if nobody has it open (e.g. sealing a submitted draft). */
  withDoc(roomId: string, docName: string, task: (doc: Y.Doc) => Promise<void>): Promise<void> {
    return this.onLiveDoc(roomId, docName, (shared) => shared.run(task));
  }

  /** Writes a server-authored change into a room document (stored, broadcast, relayed): see `SharedDoc.writeAsServer`. */
  writeAsServer(roomId: string, docName: string, change: (doc: Y.Doc) => boolean): Promise<boolean> {
    return this.onLiveDoc(roomId, docName, (shared) => shared.writeAsServer(change));
  }

  /** Opens the document (loading it if needed) and runs `use` on it, once more if it was unloaded in between. */
  private async onLiveDoc<T>(roomId: string, docName: string, use: (shared: SharedDoc) => Promise<T>): Promise<T> {
    const runtime = await this.rooms.get(roomId);
    const ref = resolveRoomDoc(docName, runtime.state);
    if (!ref) throw new Error(`unknown document ${docName} in room ${roomId}`);
    for (let attempt = 0; ; attempt++) {
      const shared = await this.open(roomId, ref);
      try {
        return await use(shared);
      } catch (error) {
        // Unloaded between open and run: the next open loads it again.
        if (!(error instanceof DocUnloaded) || attempt > 0) throw error;
      }
    }
  }

  async shutdown(): Promise<void> {
    const docs = await Promise.allSettled([...this.live.values()]);
    await Promise.all(docs.map((d) => (d.status === 'fulfilled' ? d.value.shutdown() : undefined)));
  }

  private async create(roomId: string, ref: RoomDocRef, key: string): Promise<SharedDoc> {
    const policy = await this.policyFor(roomId, ref);
    const forget = (unloaded: SharedDoc) => {
      if (this.loaded.get(key) !== unloaded) return;
      this.loaded.delete(key);
      this.live.delete(key);
    };
    const shared = new SharedDoc(roomId, ref.docName, this.store, policy, this.logger, forget, this.options, this.relay);
    await shared.load();
    this.loaded.set(key, shared);
    return shared;
  }

  private async policyFor(roomId: string, ref: RoomDocRef): Promise<DocPolicy> {
    const factory = this.policies.get(ref.kind);
    return factory ? factory(await this.rooms.get(roomId), ref, this.logger) : freePolicy;
  }
}
