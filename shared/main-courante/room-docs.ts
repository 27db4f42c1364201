import type { Role } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { draftIdOfDoc, isEditable } from '../comms/draft.js';
import { writesSharedDocs } from '../comms/rules.js';
import { mainCouranteDocName } from './doc.js';
import { retexAccess } from '../retex/access.js';

/**
 * The Yjs documents of a room and who may open them: the contract of the `/yjs/<roomId>/<docName>` endpoint,
 * shared so that the client shows the same rights the server enforces.
 * - `main-courante`: players read and write (append-only, checked by the server); everyone else in the room reads;
 * - `comms-<draftId>`: a draft that exists in the room state; same rights, and writes only while it is editable;
 * - `animator-notes`: the director's alone;
 * - `retex`: points forts, axes d'amélioration and plan d'actions of the RETEX: director and evaluators write;
 *   players and observers read it once the director has released the report.
 */
export type RoomDocRef =
  | { kind: 'main-courante'; docName: string }
  | { kind: 'comms'; docName: string; draftId: string }
  | { kind: 'animator-notes'; docName: string }
  | { kind: 'retex'; docName: string };

export type DocAccess = 'write' | 'read';

export const animatorNotesDocName = 'animator-notes';
export const retexDocName = 'retex';

/** The document a name stands for in this room, or null when the room has no such document. */
export function resolveRoomDoc(docName: string, state: RoomState): RoomDocRef | null {
  if (docName === mainCouranteDocName) return { kind: 'main-courante', docName };
  if (docName === animatorNotesDocName) return { kind: 'animator-notes', docName };
  if (docName === retexDocName) return { kind: 'retex', docName };
  const draftId = draftIdOfDoc(docName);
  if (draftId && state.comms.drafts.some((d) => d.id === draftId)) return { kind: 'comms', docName, draftId };
  return null;
}

/** What a participant may do with a document at connection time; null: may not open it at all. */
export function docAccess(ref: RoomDocRef, viewer: { role: Role }, state: RoomState): DocAccess | null {
  if (ref.kind === 'animator-notes') return viewer.role === 'director' ? 'write' : null;
  if (ref.kind === 'retex') return retexAccess(viewer, state);
  return writesSharedDocs(viewer, state) ? 'write' : 'read';
}

/** Whether a writer's update may be applied right now (a submitted, validated or published draft is frozen). */
export function acceptsWrites(ref: RoomDocRef, state: RoomState): boolean {
  if (ref.kind !== 'comms') return true;
  const draft = state.comms.drafts.find((d) => d.id === ref.draftId);
  return draft !== undefined && isEditable(draft.status);
}

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
