import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { DocStore, SessionRecord, Store } from '../../server/store/types.js';
import { createLogger } from '../../server/ops/logger.js';
import { freePolicy } from '../../server/collab/doc-policy.js';
import { SharedDoc, type DocPeer } from '../../server/collab/shared-doc.js';

const session: SessionRecord = {
  id: 's1',
  roomId: 'r1',
  role: 'player',
  cell: 'ars',
  name: 'Alice',
  invitationId: null,
  identity: null,
  idTokenHint: null,
  createdAt: 0,
  expiresAt: null,
  revokedAt: null,
};

/** A peer that records what it is sent and how it is closed. */
function fakePeer(): DocPeer & { updates: number; closedWith: number | null } {
  const peer = {
    session,
    access: 'write' as const,
    closed: false,
    updates: 0,
    closedWith: null as number | null,
    send(message: Uint8Array) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 2) peer.updates++;
    },
    refuse() {
      peer.close(4403);
    },
    close(code: number) {
      peer.closed = true;
      peer.closedWith = code;
    },
  };
  return peer;
}

/** One update per call, as a client typing would send. */
function edits(count: number): Uint8Array[] {
  const client = new Y.Doc();
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) client.getArray<number>('items').push([i]);
  return updates;
}

const options = { compactEvery: 5, compactIdleMs: 60_000, compactIdleMin: 1_000, unloadAfterMs: 60_000 };

describe('shared document: durable before broadcast, compacted in the background', () => {
  let dir: string;
  let store: Store;
  const logger = createLogger('silent');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'orsan-shared-doc-'));
    store = openSqliteStore(dir);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores every update, merges them into snapshots, and rebuilds the same document', async () => {
    const shared = new SharedDoc('r1', 'doc', store.docs, freePolicy, logger, () => undefined, options);
    await shared.load();
    const peer = fakePeer();
    shared.join(peer);
    for (const update of edits(12)) await shared.receive(peer, update, false);
    await shared.run(() => undefined);
    const rows = await store.docs.loadUpdates('r1', 'doc');
    expect(rows.length).toBeLessThanOrEqual(3);
    const rebuilt = new Y.Doc();
    rows.forEach((u) => Y.applyUpdate(rebuilt, u));
    expect(rebuilt.getArray('items').toArray()).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(peer.updates).toBe(12);
    await shared.shutdown();
  });

  it('broadcasts an update only once the store has it', async () => {
    let release: (() => void) | null = null;
    const slow: DocStore = {
      ...store.docs,
      appendUpdate: (room, doc, update) => new Promise((resolve) => (release = () => resolve(store.docs.appendUpdate(room, doc, update)))),
    };
    const shared = new SharedDoc('r1', 'doc', slow, freePolicy, logger, () => undefined, options);
    await shared.load();
    const [writer, reader] = [fakePeer(), fakePeer()];
    shared.join(writer);
    shared.join(reader);
    const done = shared.receive(writer, edits(1)[0]!, false);
    // Held at the store (the client ids are bound first, by the writer thread): nothing broadcast meanwhile.
    await expect.poll(() => release !== null, { timeout: 15_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(reader.updates).toBe(0);
    release!();
    await done;
    expect(reader.updates).toBe(1);
    await shared.shutdown();
  });

  it('drops its in-memory copy and disconnects everyone when the store fails', async () => {
    const failing: DocStore = { ...store.docs, appendUpdate: () => Promise.reject(new Error('disk full')) };
    let unloaded = false;
    const shared = new SharedDoc('r1', 'doc', failing, freePolicy, logger, () => (unloaded = true), options);
    await shared.load();
    const [writer, reader] = [fakePeer(), fakePeer()];
    shared.join(writer);
    shared.join(reader);
    await shared.receive(writer, edits(1)[0]!, false);
    expect(reader.updates).toBe(0);
    expect([writer.closedWith, reader.closedWith]).toEqual([1011, 1011]);
    expect(unloaded).toBe(true);
    expect(shared.live).toBe(false);
  });
});
