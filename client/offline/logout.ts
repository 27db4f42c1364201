import { deleteDB } from 'idb';
import { api, ApiError, roomPath } from '../app/api.js';
import { forgetSession } from '../app/session-storage.js';
import type { LoggedOutResponse } from '../../shared/identity/rest.js';
import { closeRoomDocs } from '../collab/useRoomDoc.js';
import { roomDbPrefix } from './local-db.js';

/** How long logging out waits for the server to end the session before wiping this device anyway. */
const serverTimeoutMs = 5_000;

/**
 * « Se déconnecter » (issue 15): the server ends the session (its sockets and Yjs connections close, in every tab),
 * then this device forgets everything it kept of the room — the session token, the room's databases (state,
 * events, outbox, Yjs documents, of every session of this browser) and any cached response about the room — so
 * that a shared laptop in a crisis room keeps nothing of another cell. Offline, the device is wiped all the same;
 * the token then stays valid on the server until it expires or the director revokes it.
 * `endSessionUrl`: for a signed-in session, where the page goes next so that the provider's session ends too
 * (a shared laptop must not sign the next person in as the last one); null for a code session.
 */
export async function logOut(roomId: string, token: string, closeRoom: () => Promise<void>): Promise<{ serverEnded: boolean; endSessionUrl: string | null }> {
  const ended = await endSessionOnServer(roomId, token);
  await closeRoom();
  await wipeRoomLocally(roomId);
  return ended;
}

async function endSessionOnServer(roomId: string, token: string): Promise<{ serverEnded: boolean; endSessionUrl: string | null }> {
  try {
    const { endSessionUrl } = await api.json<LoggedOutResponse>(roomPath(roomId, '/session'), { method: 'DELETE', session: { token }, signal: AbortSignal.timeout(serverTimeoutMs) });
    return { serverEnded: true, endSessionUrl: typeof endSessionUrl === 'string' ? endSessionUrl : null };
  } catch (error) {
    // Already ended (revoked, expired): nothing more to do there. Offline, or no answer: the device is wiped anyway.
    return { serverEnded: error instanceof ApiError && (error.status === 401 || error.status === 404), endSessionUrl: null };
  }
}

/** Deletes what this browser keeps of the room. Also used when leaving a revoked session. */
export async function wipeRoomLocally(roomId: string): Promise<void> {
  forgetSession(roomId);
  await closeRoomDocs(roomId);
  const prefix = roomDbPrefix(roomId);
  const databases = typeof indexedDB !== 'undefined' && indexedDB.databases ? await indexedDB.databases().catch(() => []) : [];
  await Promise.all(
    databases
      .map((d) => d.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(prefix))
      .map((name) => deleteDB(name).catch(() => undefined)),
  );
  await clearCachedResponses(roomId);
}

/** Cache Storage entries about this room (none is written today: kept for any future runtime cache). */
async function clearCachedResponses(roomId: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const apiPrefix = roomPath(roomId, '/');
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith(apiPrefix) || path === apiPrefix.slice(0, -1) || path === `/room/${encodeURIComponent(roomId)}`) await cache.delete(request);
    }
  }
}
