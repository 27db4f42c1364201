import { expect, it } from 'vitest';
import type { Store } from '../../server/store/types.js';
import { invitation, roomId, session, textEdits, textOf } from './contract-fixtures.js';

/** Invitations and sessions (`AccessStore`). */
export function describeAccess(fresh: () => Promise<Store>): void {
  it('stores invitations and sessions, finds them by hash only, lists them per room', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createInvitation(invitation(room, 'inv-1', 10), h('code-1'));
    await store.access.createInvitation(invitation(roomId(), 'inv-x', 11), h('code-x'));
    expect(await store.access.findInvitationByCodeHash(h('code-1'))).toEqual(invitation(room, 'inv-1', 10));
    expect(await store.access.findInvitationByCodeHash(h('unknown'))).toBeNull();
    await expect(store.access.createInvitation(invitation(room, 'inv-2', 12), h('code-1'))).rejects.toThrow();
    expect((await store.access.listInvitations(room)).map((i) => i.id)).toEqual([h('inv-1')]);

    await store.access.createSession(session(room, 's-1', 'inv-1', 20), h('token-1'));
    await store.access.createSession(session(room, 's-2', null, 21), h('token-2'));
    expect(await store.access.findSessionByTokenHash(h('token-1'))).toEqual(session(room, 's-1', 'inv-1', 20));
    expect(await store.access.findSessionByTokenHash(h('nope'))).toBeNull();
    expect((await store.access.listSessions(room)).map((s) => s.id)).toEqual([h('s-1'), h('s-2')]);
  });

  it('revokes an invitation once, and sessions by session or by invitation', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createInvitation(invitation(room, 'inv-1', 10), h('c1'));
    expect(await store.access.revokeInvitation(room, h('inv-1'), 50)).toBe(true);
    expect(await store.access.revokeInvitation(room, h('inv-1'), 60)).toBe(false);
    expect(await store.access.revokeInvitation(roomId(), h('inv-1'), 60)).toBe(false);
    expect((await store.access.findInvitationByCodeHash(h('c1')))!.revokedAt).toBe(50);

    for (const [id, inv] of [
      ['s-1', 'inv-1'],
      ['s-2', 'inv-1'],
      ['s-3', null],
    ] as const) {
      await store.access.createSession(session(room, id, inv, 20), h(`t-${id}`));
    }
    expect(await store.access.revokeSessions(room, { sessionId: h('s-3') }, 70)).toEqual([h('s-3')]);
    expect((await store.access.revokeSessions(room, { invitationId: h('inv-1') }, 80)).sort()).toEqual([h('s-1'), h('s-2')]);
    expect(await store.access.revokeSessions(room, { invitationId: h('inv-1') }, 90)).toEqual([]);
    expect(await store.access.revokeSessions(roomId(), { sessionId: h('s-1') }, 90)).toEqual([]);
    const revoked = await store.access.listSessions(room);
    expect(revoked.map((s) => [s.id, s.revokedAt])).toEqual([
      [h('s-1'), 80],
      [h('s-2'), 80],
      [h('s-3'), 70],
    ]);
  });
}

/** Single-use Yjs tickets (`AccessStore.createYjsTicket` / `consumeYjsTicket`). */
export function describeYjsTickets(fresh: () => Promise<Store>): void {
  it('redeems a Yjs ticket once, for its session, and never once expired', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createSession(session(room, 's-1', null, 20), h('token-1'));
    await store.access.createYjsTicket(h('ticket-1'), h('s-1'), 1_000, 61_000);
    await store.access.createYjsTicket(h('ticket-2'), h('s-1'), 1_000, 61_000);
    expect(await store.access.consumeYjsTicket(h('ticket-1'), 2_000)).toEqual(session(room, 's-1', null, 20));
    expect(await store.access.consumeYjsTicket(h('ticket-1'), 2_000)).toBeNull();
    expect(await store.access.consumeYjsTicket(h('unknown'), 2_000)).toBeNull();
    expect(await store.access.consumeYjsTicket(h('ticket-2'), 61_000)).toBeNull();
    // An expired ticket is gone for good, even if asked again with an earlier clock.
    expect(await store.access.consumeYjsTicket(h('ticket-2'), 2_000)).toBeNull();
  });

  it('purges expired tickets when issuing a new one', async () => {
    const store = await fresh();
    const room = roomId();
    const h = (name: string) => `${room}/${name}`;
    await store.access.createSession(session(room, 's-1', null, 20), h('token-1'));
    await store.access.createYjsTicket(h('old'), h('s-1'), 1_000, 61_000);
    await store.access.createYjsTicket(h('new'), h('s-1'), 70_000, 130_000);
    expect(await store.access.consumeYjsTicket(h('old'), 0)).toBeNull();
    expect(await store.access.consumeYjsTicket(h('new'), 70_001)).not.toBeNull();
  });
}

/** Yjs updates (`DocStore`). */
export function describeDocs(fresh: () => Promise<Store>): void {
  it('stores Yjs updates in order, compacts them into a snapshot and keeps later updates after it', async () => {
    const store = await fresh();
    const room = roomId();
    const edits = textEdits('main ', 'courante ', 'du ', 'jour');
    const ids = [];
    for (const u of edits.updates.slice(0, 3)) ids.push(await store.docs.appendUpdate(room, 'main-courante', u));
    await store.docs.appendUpdate(room, 'notes', edits.updates[0]!);
    expect(ids[1]!).toBeGreaterThan(ids[0]!);
    expect(ids[2]!).toBeGreaterThan(ids[1]!);
    expect(await store.docs.loadUpdates(room, 'main-courante')).toEqual(edits.updates.slice(0, 3));

    await store.docs.compact(room, 'main-courante', edits.snapshotOf(2), ids[1]!);
    await store.docs.appendUpdate(room, 'main-courante', edits.updates[3]!);
    const loaded = await store.docs.loadUpdates(room, 'main-courante');
    // One snapshot for the first two, then the later updates, in order.
    expect(loaded).toHaveLength(3);
    expect(textOf(loaded.slice(0, 1))).toBe('main courante ');
    expect(loaded.slice(1)).toEqual(edits.updates.slice(2, 4));
    expect(textOf(loaded)).toBe('main courante du jour');
    expect(textOf(await store.docs.loadUpdates(room, 'notes'))).toBe('main ');
    expect((await store.docs.listDocs(room)).sort()).toEqual(['main-courante', 'notes']);
    expect(await store.docs.listDocs(roomId())).toEqual([]);
  });
}

/** Yjs client ids bound to the session that first wrote with them (`DocStore.claimClients`). */
export function describeDocClients(fresh: () => Promise<Store>): void {
  it('binds a client id to its first session, per document, for good', async () => {
    const store = await fresh();
    const room = roomId();
    expect(await store.docs.claimClients(room, 'main-courante', 'alice', [7, 4_294_967_295])).toEqual(
      new Map([
        [7, 'alice'],
        [4_294_967_295, 'alice'],
      ]),
    );
    expect(await store.docs.claimClients(room, 'main-courante', 'bob', [7, 8])).toEqual(
      new Map([
        [7, 'alice'],
        [8, 'bob'],
      ]),
    );
    expect(await store.docs.claimClients(room, 'comms-d1', 'bob', [7])).toEqual(new Map([[7, 'bob']]));
    expect(await store.docs.claimClients(roomId(), 'main-courante', 'bob', [7])).toEqual(new Map([[7, 'bob']]));
    expect(await store.docs.claimClients(room, 'main-courante', 'carol', [])).toEqual(new Map());
  });
}
