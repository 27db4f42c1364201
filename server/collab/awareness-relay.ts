import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { guardAwareness } from './awareness-guard.js';
import { awarenessMessage } from './messages.js';
import type { DocPeer } from './shared-doc.js';

const relayedOrigin = Symbol('relayed');

/**
 * Awareness changes are sent once per tick of this length, for all the clients that changed in it: with many
 * carets moving, each connection gets one message per tick instead of one per keystroke of every other person.
 */
export const awarenessTickMs = 16;

/**
 * Presence and carets of one document (y-protocols awareness), relayed to every connection as the stock
 * server does, with two guards: a connection only speaks for the client ids it introduced, and the names
 * shown are those of the sessions. A connection's states are removed when it leaves. Unlike the stock server,
 * changes are aggregated per tick (`awarenessTickMs`): one message per connection per tick, with the latest state
 * of every client that changed.
 */
export class AwarenessRelay {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly owned = new Map<DocPeer, Set<number>>();
  private readonly owners = new Map<number, DocPeer>();
  /** Clients changed since the last tick: to send to the connections, and (made here) to the other instances. */
  private readonly changed = new Set<number>();
  private readonly changedHere = new Set<number>();
  private tick: NodeJS.Timeout | null = null;

  /** `publish`: where the changes made through this instance go, for the other instances (never theirs back). */
  constructor(
    doc: Y.Doc,
    private readonly publish?: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.relay);
  }

  join(peer: DocPeer): void {
    this.owned.set(peer, new Set());
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(awarenessMessage(this.awareness, states));
  }

  leave(peer: DocPeer): void {
    const ids = this.owned.get(peer);
    if (!ids) return;
    this.owned.delete(peer);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  receive(peer: DocPeer, update: Uint8Array): void {
    const own = this.owned.get(peer);
    if (!own) return;
    const guarded = guardAwareness(update, peer.session, {
      own,
      ownedElsewhere: (id) => {
        const owner = this.owners.get(id);
        return owner !== undefined && owner !== peer;
      },
    });
    if (guarded) awarenessProtocol.applyAwarenessUpdate(this.awareness, guarded, peer);
  }

  /** States of the peers of another instance: shown here, never published back. */
  applyRelayed(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, relayedOrigin);
  }

  /** Answers a client's awareness query with every known state. */
  sendStates(peer: DocPeer): void {
    peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
  }

  destroy(): void {
    if (this.tick) clearTimeout(this.tick);
    this.tick = null;
    this.awareness.destroy();
  }

  /** Sends what changed during the tick: the current state (or removal) of each client that changed. */
  private readonly flush = () => {
    this.tick = null;
    const changed = [...this.changed];
    const here = [...this.changedHere];
    this.changed.clear();
    this.changedHere.clear();
    if (changed.length > 0) {
      const message = awarenessMessage(this.awareness, changed);
      for (const peer of this.owned.keys()) peer.send(message);
    }
    if (this.publish && here.length > 0) this.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, here));
  };

  private readonly relay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const ids = this.owned.get(origin as DocPeer);
    if (ids) {
      for (const id of added) {
        ids.add(id);
        this.owners.set(id, origin as DocPeer);
      }
    }
    for (const id of removed) this.owners.delete(id);
    for (const id of [...added, ...updated, ...removed]) {
      this.changed.add(id);
      // Each instance expires stale states itself ('timeout'); relayed ones came from elsewhere.
      if (origin !== relayedOrigin && origin !== 'timeout') this.changedHere.add(id);
    }
    if (!this.tick) {
      this.tick = setTimeout(this.flush, awarenessTickMs);
      this.tick.unref();
    }
  };
}
