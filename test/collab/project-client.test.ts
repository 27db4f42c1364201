import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { RoomDocConnection, type ConnectionEnv } from '../../client/collab/room-doc-connection.js';
import { mainCouranteRescue, type MainCouranteRecord } from '../../client/main-courante/offline-rescue.js';
import type { Me } from '../../client/room/section.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom } from '../helpers/room.js';
import { authorOf, entry, openMainCourante, waitFor, type StockClient } from './yjs-clients.js';

/**
 * The project's own client (`RoomDocConnection`, as the page runs it, here in Node) against the real server:
 * what the server refuses or never got of a person's entries is never lost without her being told.
 */
describe('project client: a refused or squatted offline entry is visible to its author', () => {
  let server: TestServer;
  let room: TestRoom;
  let witness: StockClient;
  let env: ConnectionEnv;
  const opened: Array<{ destroy(): void }> = [];

  async function projectClient(token: string): Promise<{ me: Me; connection: RoomDocConnection<MainCouranteRecord> }> {
    const session = await server.server.access.authenticate(token);
    const me: Me = { sessionId: session.id, name: session.name, role: session.role, cell: session.cell ?? undefined, roomId: room.roomId, token };
    const connection = new RoomDocConnection(me, 'main-courante', mainCouranteRescue(me.sessionId), env);
    opened.push(connection);
    await waitFor(() => connection.snapshot().synced, 10_000, 'project client sync');
    return { me, connection };
  }
  const received = (text: string) => readEntries(witness.doc).some((e) => e.text === text && e.receipt !== null);

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    env = { httpBase: server.url, wsBase: server.url.replace(/^http/, 'ws'), WebSocket: WebSocket as unknown as typeof globalThis.WebSocket };
    witness = await openMainCourante(room, await tokenFor(room, 'observer'));
  });
  afterAll(async () => {
    for (const c of opened) c.destroy();
    witness.destroy();
    await server.close();
  });

  it('a squatter who took her client id first (seen in her presence) is detected; her offline entry is sent again under a new id', async () => {
    const aliceToken = await tokenFor(room, 'player', 'ars', 'Alice ARS');
    const bobToken = await tokenFor(room, 'player', 'prefecture', 'Bob Préfecture');
    const alice = await projectClient(aliceToken);
    const bob = await openMainCourante(room, bobToken);
    opened.push(bob);
    const squatted = alice.connection.snapshot().doc.clientID;
    await waitFor(() => bob.provider.awareness.getStates().has(squatted), 5000, "Alice's presence");

    alice.connection.snapshot().provider.disconnect();
    appendEntries(alice.connection.snapshot().doc, [entry(await authorOf(server, aliceToken), 'Alice, écrit hors ligne')]);
    // Bob writes first under Alice's id, at the very clock her offline entry holds.
    bob.doc.clientID = squatted;
    appendEntries(bob.doc, [entry(await authorOf(server, bobToken), 'Bob, sous l’identifiant d’Alice')]);
    await waitFor(() => received('Bob, sous l’identifiant d’Alice'), 5000, "Bob's entry");

    alice.connection.snapshot().provider.connect();
    await waitFor(() => received('Alice, écrit hors ligne'), 10_000, "Alice's offline entry");
    const snapshot = alice.connection.snapshot();
    expect(snapshot.notice).toMatchObject({ kind: 'resent', count: 1 });
    expect(snapshot.doc.clientID).not.toBe(squatted);
    expect(snapshot.generation).toBe(1);
    expect(snapshot.refused).toEqual([]);
  });

  it('an offline batch the server refuses stays visible to its author, with the reason; she sends again what can be', async () => {
    const token = await tokenFor(room, 'player', 'ars', 'Claire ARS');
    const claire = await projectClient(token);
    const author = await authorOf(server, token);
    claire.connection.snapshot().provider.disconnect();
    appendEntries(claire.connection.snapshot().doc, [
      entry(author, 'Bascule du 15 confirmée'),
      // A device clock ten minutes ahead: the server refuses the entry, and with it the whole batch.
      entry(author, 'Horloge de la tablette en avance', { authoredAt: Date.now() + 10 * 60_000 }),
    ]);
    claire.connection.snapshot().provider.connect();
    await waitFor(() => claire.connection.snapshot().refused.length === 2, 10_000, 'refused entries shown');
    const snapshot = claire.connection.snapshot();
    expect(snapshot.notice).toMatchObject({ kind: 'reloaded' });
    expect(snapshot.refused.every((r) => /Heure de saisie invraisemblable/.test(r.reason))).toBe(true);
    expect(
      entriesOf(snapshot.doc)
        .toArray()
        .some((e) => e.text === 'Bascule du 15 confirmée'),
    ).toBe(false);

    const good = snapshot.refused.find((r) => r.record.kind === 'entry' && r.record.entry.text === 'Bascule du 15 confirmée')!;
    snapshot.resendRefused(good);
    await waitFor(() => received('Bascule du 15 confirmée'), 10_000, 'resent entry');
    const left = claire.connection.snapshot().refused;
    expect(left.map((r) => (r.record.kind === 'entry' ? r.record.entry.text : ''))).toEqual(['Horloge de la tablette en avance']);
    claire.connection.snapshot().dismissRefused(left[0]!);
    expect(claire.connection.snapshot().refused).toEqual([]);
    expect(received('Horloge de la tablette en avance')).toBe(false);
  });
});
