import type { Socket } from 'socket.io-client';
import { appendEntries } from '../../shared/main-courante/doc.js';
import { callApi } from '../../tools/api.js';
import { entry, stockClient, type Author, type StockClient } from '../../tools/yjs-clients.js';
import { createBenchRoom, joinSessions, mixedAudiences, openSockets, type Audience, type BenchRoom, type SocketTarget } from '../cluster/sockets.js';
import type { NationalLoadConfig } from './protocol.js';

/**
 * One regional room as a load process drives it: a sender of commands, `perRoom` receivers split over the two
 * instances, and a main-courante writer. On ORSAN the writer is a stock y-websocket client on the room's home
 * instance and a second one reads the document on the other instance (so both instances hold the room's Yjs
 * document); on the bare baseline the writer is a socket.io socket sending the entry for the server to broadcast.
 */
export interface Region {
  room: number;
  home: number;
  sender: Socket;
  receivers: Socket[];
  /** Writes one entry with this id into the room's main courante. */
  writeEntry(id: string, text: string): void;
  /** ORSAN only: the Yjs reader on the other instance. */
  reader: StockClient | null;
  close(): void;
}

/** Joins the room once as `audience` and returns the session (token and identity). */
async function joinAs(room: BenchRoom, audience: Audience, name: string): Promise<{ token: string; author: Author }> {
  const invitation = await callApi(room.url, 'POST', `/api/rooms/${room.roomId}/invitations`, audience, room.directorToken);
  if (invitation.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invitation.body)}`);
  const joined = await callApi(room.url, 'POST', '/api/join', { code: invitation.body.code, name });
  if (joined.status !== 201) throw new Error(`join failed: ${JSON.stringify(joined.body)}`);
  const body = joined.body as { token: string; sessionId: string; name: string; role: Author['role']; cell: string | null };
  return { token: body.token, author: { sessionId: body.sessionId, author: body.name, role: body.role, cell: body.cell } };
}

/** A stock y-websocket client on the main courante, awareness off (presence is not what is measured), synced. */
async function mainCouranteClient(url: string, roomId: string, token: string): Promise<StockClient> {
  const client = stockClient(url, roomId, 'main-courante', token);
  client.provider.awareness.setLocalState(null);
  await client.whenSynced(30_000);
  return client;
}

const receiverUrl = (config: NationalLoadConfig, i: number) => config.urls[i % config.urls.length]!;

async function prepareOrsanRegion(config: NationalLoadConfig, room: number): Promise<() => Promise<Region>> {
  const home = room % config.urls.length;
  const homeUrl = config.urls[home]!;
  const bench = await createBenchRoom(homeUrl, config.operatorToken, { mode: 'crisis', title: `Région ${room + 1} — banc national` });
  const tokens = await joinSessions(bench, mixedAudiences, config.sessionsPerRoom);
  const writer = await joinAs(bench, { role: 'player', cell: 'ars' }, 'Main courante ARS');
  const readerSession = await joinAs(bench, { role: 'observer' }, 'Lecteur main courante');
  const yjsWriter = await mainCouranteClient(homeUrl, bench.roomId, writer.token);
  const reader = await mainCouranteClient(config.urls[(home + 1) % config.urls.length]!, bench.roomId, readerSession.token);
  return async () => {
    const [sender] = await openSockets([{ url: homeUrl, token: bench.directorToken }], 'welcome');
    const targets: SocketTarget[] = Array.from({ length: config.perRoom }, (_, i) => ({ url: receiverUrl(config, i), token: tokens[i % tokens.length]! }));
    const receivers = await openSockets(targets, 'welcome', config.maxHandshakesInFlight);
    return {
      room,
      home,
      sender: sender!,
      receivers,
      writeEntry: (id, text) => appendEntries(yjsWriter.doc, [entry(writer.author, text, { id })]),
      reader,
      close() {
        for (const socket of [sender!, ...receivers]) socket.close();
        yjsWriter.destroy();
        reader.destroy();
      },
    };
  };
}

async function prepareBareRegion(config: NationalLoadConfig, room: number): Promise<() => Promise<Region>> {
  const home = room % config.urls.length;
  const auth = { room: `${config.runId}-region-${room}` };
  const homeTarget = { url: config.urls[home]!, auth };
  const [writer] = await openSockets([homeTarget], 'connect');
  const author: Author = { sessionId: 'bench-writer', author: 'Main courante ARS', role: 'player', cell: 'ars' };
  return async () => {
    const [sender] = await openSockets([homeTarget], 'connect');
    const targets: SocketTarget[] = Array.from({ length: config.perRoom }, (_, i) => ({ url: receiverUrl(config, i), auth }));
    const receivers = await openSockets(targets, 'connect', config.maxHandshakesInFlight);
    return {
      room,
      home,
      sender: sender!,
      receivers,
      writeEntry: (id, text) => void writer!.emit('entry', { entry: entry(author, text, { id }) }),
      reader: null,
      close() {
        for (const socket of [sender!, writer!, ...receivers]) socket.close();
      },
    };
  };
}

/**
 * Creates the room (ORSAN: through the REST API, with its sessions, and opens its Yjs clients) and returns what
 * connects its participants: one wave, opened later so that the rooms' own memory is read first.
 */
export function prepareRegion(config: NationalLoadConfig, room: number): Promise<() => Promise<Region>> {
  return config.target === 'orsan' ? prepareOrsanRegion(config, room) : prepareBareRegion(config, room);
}
