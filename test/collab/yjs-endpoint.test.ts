import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startServer, type TestServer } from '../helpers/server.js';
import { createRoom, tokenFor, type TestRoom, serverWithRoom } from '../helpers/room.js';
import { appendEntries, entriesOf, readEntries } from '../../shared/main-courante/doc.js';
import { hashSecret } from '../../server/access/secrets.js';
import { authorOf, entry, openMainCourante, sleep, stockClient, ticketFor, waitFor, yjsUrl } from './yjs-clients.js';

/** The HTTP status the upgrade is answered with (101 when the WebSocket opens). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (error) => reject(error));
  });
}

describe('Yjs endpoint: authorisation at the upgrade', () => {
  let server: TestServer;
  let room: TestRoom;
  let other: TestRoom;
  /** The document's address with a fresh ticket of `token` (or none), asked for in `ticketRoom`. */
  let ws: (roomId: string, doc: string, token?: string, ticketRoom?: string) => Promise<string>;

  beforeAll(async () => {
    server = await startServer();
    room = await createRoom(server.url);
    other = await createRoom(server.url);
    ws = async (roomId, doc, token, ticketRoom = roomId) => yjsUrl(server.url, roomId, doc, token ? { ticket: await ticketFor(server.url, ticketRoom, token) } : {});
  });
  afterAll(() => server.close());

  it('refuses a missing or unknown ticket with 401', async () => {
    expect(await upgradeStatus(await ws(room.roomId, 'main-courante'))).toBe(401);
    expect(await upgradeStatus(yjsUrl(server.url, room.roomId, 'main-courante', { ticket: 'not-a-ticket' }))).toBe(401);
  });

  it("refuses another room's ticket with 403", async () => {
    const foreign = await tokenFor(other, 'player', 'ars');
    expect(await upgradeStatus(await ws(room.roomId, 'main-courante', foreign, other.roomId))).toBe(403);
  });

  it('refuses unknown documents with 404', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    expect(await upgradeStatus(await ws(room.roomId, 'secret-doc', token))).toBe(404);
    expect(await upgradeStatus(await ws(room.roomId, 'comms-d42', token))).toBe(404);
  });

  it('keeps the animator notes to the director and opens the main courante to everyone in the room', async () => {
    const player = await tokenFor(room, 'player', 'prefecture');
    const observer = await tokenFor(room, 'observer');
    expect(await upgradeStatus(await ws(room.roomId, 'animator-notes', player))).toBe(403);
    expect(await upgradeStatus(await ws(room.roomId, 'animator-notes', observer))).toBe(403);
    expect(await upgradeStatus(await ws(room.roomId, 'animator-notes', room.directorToken))).toBe(101);
    expect(await upgradeStatus(await ws(room.roomId, 'main-courante', observer))).toBe(101);
  });

  it('leaves other upgrades (socket.io) to their owner', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const { joinAs } = await import('../helpers/room.js');
    const client = await joinAs(room, 'player', 'ars');
    expect(client.welcome.me.roomId).toBe(room.roomId);
    client.close();
    expect(await upgradeStatus(await ws(room.roomId, 'main-courante', token))).toBe(101);
  });
});

describe('Yjs endpoint: single-use tickets, no session token in the URL', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('a ticket opens one connection; the same ticket again is refused with 401', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const url = yjsUrl(server.url, room.roomId, 'main-courante', { ticket: await ticketFor(server.url, room.roomId, token) });
    expect(await upgradeStatus(url)).toBe(101);
    expect(await upgradeStatus(url)).toBe(401);
  });

  it('refuses an expired ticket with 401', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const session = await server.server.access.authenticate(token);
    const now = Date.now();
    await server.server.store.access.createYjsTicket(hashSecret('ticket-expiré'), session.id, now - 120_000, now - 60_000);
    expect(await upgradeStatus(yjsUrl(server.url, room.roomId, 'main-courante', { ticket: 'ticket-expiré' }))).toBe(401);
  });

  it('refuses a session token in the URL with 401, even a valid one, even beside a valid ticket', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    expect(await upgradeStatus(yjsUrl(server.url, room.roomId, 'main-courante', { token }))).toBe(401);
    const ticket = await ticketFor(server.url, room.roomId, token);
    expect(await upgradeStatus(yjsUrl(server.url, room.roomId, 'main-courante', { token, ticket }))).toBe(401);
  });

  it('gives tickets only for the session token in the Authorization header, in its own room', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const other = await createRoom(server.url);
    expect((await server.api('POST', `/api/rooms/${room.roomId}/yjs-tickets`)).status).toBe(401);
    expect((await server.api('POST', `/api/rooms/${other.roomId}/yjs-tickets`, undefined, token)).status).toBe(403);
    const issued = await server.api('POST', `/api/rooms/${room.roomId}/yjs-tickets`, undefined, token);
    expect(issued.status).toBe(201);
    expect(issued.body.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('a revoked session cannot use a ticket it obtained before', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const ticket = await ticketFor(server.url, room.roomId, token);
    await server.server.access.revokeSession(room.roomId, (await server.server.access.authenticate(token)).id);
    expect(await upgradeStatus(yjsUrl(server.url, room.roomId, 'main-courante', { ticket }))).toBe(401);
  });

  it('the stock provider fetches a fresh ticket for each reconnection', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const client = stockClient(room.url, room.roomId, 'main-courante', token);
    await client.whenSynced();
    for (let i = 0; i < 2; i++) {
      client.provider.disconnect();
      client.provider.connect();
      await client.whenSynced();
    }
    expect(client.closes).toEqual([]);
    client.destroy();
  });
});

describe('Yjs endpoint: stock y-websocket clients', () => {
  let server: TestServer;
  let room: TestRoom;
  serverWithRoom((s, r) => ((server = s), (room = r)));

  it('two clients converge on the same main courante', async () => {
    const [ta, tb] = [await tokenFor(room, 'player', 'ars'), await tokenFor(room, 'player', 'prefecture')];
    const [a, b] = [await openMainCourante(room, ta), await openMainCourante(room, tb)];
    appendEntries(a.doc, [entry(await authorOf(server, ta), 'Le CH de Caen signale un rançongiciel.')]);
    appendEntries(b.doc, [entry(await authorOf(server, tb), 'COD activé en préfecture.', { type: 'decision' })]);
    await waitFor(() => entriesOf(a.doc).length === 2 && entriesOf(b.doc).length === 2);
    await waitFor(() => readEntries(a.doc).every((e) => e.receipt !== null) && readEntries(b.doc).every((e) => e.receipt !== null));
    expect(readEntries(a.doc)).toEqual(readEntries(b.doc));
    a.destroy();
    b.destroy();
  });

  it('twenty clients converge', async () => {
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => tokenFor(room, 'player', i % 2 ? 'ars' : 'prefecture', `Joueur ${i}`)));
    const clients = await Promise.all(tokens.map((t) => openMainCourante(room, t)));
    const before = entriesOf(clients[0]!.doc).length;
    await Promise.all(
      clients.map(async (c, i) => {
        const author = await authorOf(server, tokens[i]!);
        appendEntries(c.doc, [entry(author, `Entrée ${i}-a`)]);
        appendEntries(c.doc, [entry(author, `Entrée ${i}-b`)]);
      }),
    );
    const expected = before + 40;
    await waitFor(() => clients.every((c) => entriesOf(c.doc).length === expected), 20_000, 'convergence');
    await waitFor(() => clients.every((c) => readEntries(c.doc).every((e) => e.receipt !== null)), 20_000, 'receipts');
    const reference = JSON.stringify(readEntries(clients[0]!.doc));
    for (const c of clients) expect(JSON.stringify(readEntries(c.doc))).toBe(reference);
    const runtime = await server.server.rooms.get(room.roomId);
    await waitFor(() => runtime.state.mainCourante.count === expected, 10_000, 'mirror');
    for (const c of clients) c.destroy();
  });

  it("refuses an observer's write: the client is disconnected and nobody sees it", async () => {
    const [to, tp] = [await tokenFor(room, 'observer'), await tokenFor(room, 'player', 'ars')];
    const [observer, player] = [await openMainCourante(room, to), await openMainCourante(room, tp)];
    const before = entriesOf(player.doc).length;
    appendEntries(observer.doc, [entry(await authorOf(server, to), 'Écrit par un observateur')]);
    await waitFor(() => observer.closes.length > 0);
    expect(observer.closes[0]).toBe(4403);
    await sleep(200);
    expect(entriesOf(player.doc).length).toBe(before);
    const fresh = await openMainCourante(room, tp);
    expect(
      entriesOf(fresh.doc)
        .toArray()
        .some((e) => e.text === 'Écrit par un observateur'),
    ).toBe(false);
    for (const c of [observer, player, fresh]) c.destroy();
  });

  it('relays awareness with the name of the session, whatever the client claims', async () => {
    const [ta, tb] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture')];
    const [a, b] = [await openMainCourante(room, ta), await openMainCourante(room, tb)];
    a.provider.awareness.setLocalStateField('user', { name: 'Le Préfet (usurpé)', color: '#ff0000' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID) !== undefined);
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user: { name: string; color: string; cell: string } };
    expect(seen.user).toMatchObject({ name: 'Alice ARS', color: '#ff0000', cell: 'ars' });
    a.destroy();
    b.destroy();
  });

  it('aggregates awareness per tick: a burst of 30 changes reaches the others as a few messages, ending on the last', async () => {
    const [ta, tb] = [await tokenFor(room, 'player', 'ars', 'Alice ARS'), await tokenFor(room, 'player', 'prefecture', 'Paul Préfecture')];
    const [a, b] = [await openMainCourante(room, ta), await openMainCourante(room, tb)];
    const colour = (i: number) => `#${i.toString(16).padStart(6, '0')}`;
    const seenColour = () => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { color?: string } } | undefined)?.user?.color;
    a.provider.awareness.setLocalStateField('user', { color: '#ffffff' });
    await waitFor(() => seenColour() === '#ffffff');
    let received = 0;
    b.provider.awareness.on('update', ({ updated }: { updated: number[] }) => void (updated.includes(a.doc.clientID) && received++));
    // 30 changes in one turn of the client's event loop: the stock server would relay 30 messages.
    for (let i = 0; i < 30; i++) a.provider.awareness.setLocalStateField('user', { color: colour(i) });
    await waitFor(() => seenColour() === colour(29));
    await sleep(100);
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(5);
    a.destroy();
    b.destroy();
  });

  it('closes the Yjs connections of a revoked session', async () => {
    const token = await tokenFor(room, 'player', 'ars');
    const client = stockClient(room.url, room.roomId, 'main-courante', token);
    await client.whenSynced();
    const session = await server.server.access.authenticate(token);
    await server.server.access.revokeSession(room.roomId, session.id);
    await waitFor(() => client.closes.includes(4401));
    client.destroy();
  });
});
