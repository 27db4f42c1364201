import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { codeOfHttpStatus, DomainError, forbidden, httpStatusOf, notFound } from '../../shared/core/errors.js';
import { limits } from '../../shared/core/limits.js';
import { docAccess, resolveRoomDoc } from '../../shared/room-docs.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import type { DocAccess, RoomDocRef } from '../../shared/core/room-doc.js';
import { sessionEndReason, type AccessService } from '../access/access-service.js';
import type { RoomService } from '../rooms/room-service.js';
import type { SessionRecord } from '../store/types.js';
import type { Logger } from '../ops/logger.js';
import { decodePathSegment, requestUrl } from '../http/request-target.js';
import { YjsConnection } from './connection.js';
import type { DocRegistry } from './doc-registry.js';
import { YjsBudgets, type Refusal } from './yjs-budgets.js';

export interface YjsEndpointDeps {
  http: HttpServer;
  access: AccessService;
  rooms: RoomService;
  registry: DocRegistry;
  logger: Logger;
  /** Rate limits (default: those of `shared/core/limits.ts`, on the wall clock). */
  budgets?: YjsBudgets;
  /** The client's address for the per-address handshake limit (default: the socket's peer address). */
  clientAddress?: (req: IncomingMessage) => string;
}

interface Grant {
  session: SessionRecord;
  roomId: string;
  ref: RoomDocRef;
  access: DocAccess;
  projectClient: boolean;
}

const statusOf = (error: unknown): number => (error instanceof DomainError ? httpStatusOf[error.code] : 500);

/**
 * `ws(s)://host/yjs/<roomId>/<docName>?ticket=…`: the y-websocket protocol (sync + awareness), so the stock
 * `y-websocket` client works unchanged; the single-use ticket comes from `POST /api/rooms/<roomId>/yjs-tickets`
 * (`ticket-routes.ts`). Everything is decided at the upgrade — ticket, room, document, role —
 * and a refusal is an HTTP 401/403/404 answer, never an open socket. Other upgrades (socket.io) are left alone.
 */
export function attachYjsEndpoint({ http, access, rooms, registry, logger, budgets = new YjsBudgets(), clientAddress = peerAddress }: YjsEndpointDeps) {
  // The transport ceiling is above the update limit, so that an oversize update gets its close code and reason.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxYjsMessageBytes });
  const bySession = new Map<string, Set<YjsConnection>>();

  async function authorise(url: URL): Promise<Grant> {
    const match = /^\/yjs\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!match) throw notFound('Adresse de document inconnue : /yjs/<salle>/<document>.');
    const [, roomId, docName] = match.map(decodePathSegment) as [string, string, string];
    // The session token used to travel here, in the URL (and in every proxy's access log): refused, with the way out.
    if (url.searchParams.has('token')) {
      throw new DomainError('unauthorized', "Le jeton de session ne passe plus dans l'adresse : demandez un ticket (POST /api/rooms/<salle>/yjs-tickets).");
    }
    const session = await access.redeemYjsTicket(url.searchParams.get('ticket') ?? undefined);
    if (session.roomId !== roomId) throw forbidden("Ce ticket n'appartient pas à cette salle.");
    const runtime = await rooms.get(roomId);
    const ref = resolveRoomDoc(docName, runtime.state);
    if (!ref) throw notFound(`Document « ${docName} » inconnu dans cette salle.`);
    const granted = docAccess(ref, session, runtime.state);
    if (!granted) throw forbidden(`Le document « ${docName} » n'est pas accessible à ce rôle.`);
    return { session, roomId, ref, access: granted, projectClient: url.searchParams.get('client') === 'orsan' };
  }

  function track(connection: YjsConnection, add: boolean): void {
    const set = bySession.get(connection.session.id) ?? new Set();
    if (add) set.add(connection);
    else set.delete(connection);
    if (set.size > 0) bySession.set(connection.session.id, set);
    else bySession.delete(connection.session.id);
  }

  function connect(ws: WebSocket, grant: Grant): void {
    const budget = budgets.forSession(grant.session.id);
    const connection = new YjsConnection(ws, grant.session, grant.access, grant.projectClient, (c) => track(c, false), budget);
    track(connection, true);
    registry.open(grant.roomId, grant.ref).then(
      (doc) => connection.attach(doc),
      (error: unknown) => {
        logger.error({ err: error, roomId: grant.roomId, doc: grant.ref.docName }, 'yjs document could not be loaded');
        connection.close(yjsCloseCodes.unavailable, 'Document indisponible.');
      },
    );
  }

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req.url);
    if (!url?.pathname.startsWith('/yjs/')) return;
    socket.on('error', () => socket.destroy());
    // A flood is turned away before anything is looked up; a refused handshake is an open-then-close with
    // `rateLimited`, so that clients read a close code (a browser never sees a refused upgrade's status).
    const turnAway = (refusal: Refusal) => wss.handleUpgrade(req, socket, head, (ws) => ws.close(refusal.code, refusal.reason));
    const fromAddress = budgets.handshakeFrom(clientAddress(req));
    if (fromAddress) return turnAway(fromAddress);
    authorise(url).then(
      (grant) => {
        const ofSession = budgets.handshakeOf(grant.session.id);
        if (ofSession) return turnAway(ofSession);
        wss.handleUpgrade(req, socket, head, (ws) => connect(ws, grant));
      },
      (error: unknown) => {
        const status = statusOf(error);
        if (status === 500) logger.error({ err: error }, 'yjs upgrade failed');
        refuseUpgrade(socket, status, error instanceof DomainError ? error.message : 'Erreur interne du serveur.');
      },
    );
  }

  http.on('upgrade', onUpgrade);
  access.onRevoked((_roomId, sessionIds, cause) => {
    for (const id of sessionIds) for (const c of bySession.get(id) ?? []) c.close(yjsCloseCodes.revoked, sessionEndReason[cause]);
  });

  return {
    connections: () => [...bySession.values()].reduce((n, set) => n + set.size, 0),
    /** Closes every Yjs connection (server shutdown); documents are flushed by the registry. */
    close(): Promise<void> {
      http.off('upgrade', onUpgrade);
      for (const set of bySession.values()) for (const c of [...set]) c.close(1001, 'Arrêt du serveur.');
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

const peerAddress = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ error: { code: codeOfHttpStatus(status), message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` + `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
