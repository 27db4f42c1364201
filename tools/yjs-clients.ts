import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { TestServer } from './server.js';
import { newRecordId } from '../shared/main-courante/doc.js';
import type { EntryType, MainCouranteEntry } from '../shared/main-courante/entry.js';
import { yjsRoomPath } from '../shared/core/yjs-protocol.js';
import { requestYjsTicket, ticketedWebSocket } from '../client/collab/ticketed-websocket.js';

/** A stock `y-websocket` client, as a third-party tool would use it. */
export interface StockClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closes: number[];
  whenSynced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

/**
 * Connects with the stock provider; before each (re)connection a fresh single-use ticket is fetched with the
 * session token (`ticketedWebSocket`, the project client's own mechanism), so the token never enters a URL.
 */
export function stockClient(url: string, roomId: string, docName: string, token: string, params: Record<string, string> = {}): StockClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url.replace(/^http/, 'ws') + yjsRoomPath(roomId), docName, doc, {
    params,
    WebSocketPolyfill: ticketedWebSocket(() => requestYjsTicket(url, roomId, token), WebSocket as unknown as typeof globalThis.WebSocket),
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  return {
    doc,
    provider,
    closes,
    whenSynced: (timeoutMs = 10_000) => waitFor(() => provider.synced, timeoutMs, `${docName} sync`),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A single-use ticket for `token`'s session, as any client gets one (POST with the token in a header). */
export const ticketFor = (url: string, roomId: string, token: string) => requestYjsTicket(url, roomId, token);

/** `ws://…/yjs/<roomId>/<doc>?<query>`. */
export function yjsUrl(url: string, roomId: string, docName: string, query: Record<string, string> = {}): string {
  const search = new URLSearchParams(query).toString();
  return `${url.replace(/^http/, 'ws')}${yjsRoomPath(roomId)}/${encodeURIComponent(docName)}${search ? `?${search}` : ''}`;
}

/** Polls until `predicate` holds. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The identity an entry must carry: the session behind `token`, as the server knows it. */
export interface Author {
  sessionId: string;
  author: string;
  role: MainCouranteEntry['role'];
  cell: string | null;
}

export async function authorOf(server: TestServer, token: string): Promise<Author> {
  const session = await server.server.access.authenticate(token);
  return { sessionId: session.id, author: session.name, role: session.role, cell: session.cell };
}

export function entry(author: Author, text: string, overrides: Partial<MainCouranteEntry> = {}): MainCouranteEntry {
  return {
    id: newRecordId(),
    type: 'information' as EntryType,
    text,
    ...author,
    authoredAt: Date.now(),
    authoredExerciseTime: null,
    significant: false,
    corrects: null,
    links: {},
    ...overrides,
  };
}

/** Connects a stock client to the room's main courante as `token` and waits for its first sync. */
export async function openMainCourante(room: { url: string; roomId: string }, token: string): Promise<StockClient> {
  const client = stockClient(room.url, room.roomId, 'main-courante', token);
  await client.whenSynced();
  return client;
}
