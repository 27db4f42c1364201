/** The wire contract of the `/yjs/<roomId>/<docName>` endpoint, shared by the server, the project client and tests. */

/**
 * WebSocket close codes of the endpoint, each with a reason in French. The stock `y-websocket` client stops
 * reconnecting on 4400–4499.
 * - `refused`: an update was refused (stock client): reconnecting would resend it;
 * - `resync`: an update was refused (project client, `?client=orsan`): drop the local document and reconnect fresh;
 * - `revoked`: the session was revoked or has expired (or its ticket could not be had);
 * - `tooLarge`: an update, or a presence state, above `limits.maxYjsUpdateBytes`, `maxRecordsPerYjsUpdate` or
 *   `maxAwarenessStateBytes`; never applied;
 * - `rateLimited`: the session sent too much too fast (updates, records, presence) or opened too many
 *   connections; nothing of the refused message is applied, the project client reconnects after a pause;
 * - `clientIdTaken`: the update was written under a Yjs client id another session already writes with; the
 *   project client starts over with a new client id and sends its records again;
 * - `unavailable`: the store failed; transient, the client reconnects and resends what it has.
 */
export const yjsCloseCodes = {
  refused: 4403,
  resync: 4409,
  revoked: 4401,
  tooLarge: 4413,
  rateLimited: 4429,
  clientIdTaken: 4423,
  unavailable: 1011,
} as const;

/** The `serverUrl` to give `new WebsocketProvider(serverUrl, docName, doc, { params: { ticket } })`. */
export const yjsRoomPath = (roomId: string) => `/yjs/${roomId}`;

/** Where a session asks for a Yjs ticket (POST, `Authorization: Bearer <token>`): `{ ticket, expiresAt }`. */
export const yjsTicketPath = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/yjs-tickets`;
