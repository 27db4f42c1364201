import { actorIdentityOf, type ActorIdentity } from '../../shared/identity/identity.js';
import type { Participant } from '../../shared/core/define.js';
import type { Viewer } from '../../shared/core/visibility.js';
import type { PresenceEntry, WelcomeMessage } from '../../shared/protocol.js';
import type { SessionRecord } from '../store/types.js';

/**
 * The ways the server looks at one session, written once for the REST routes, the socket hub and presence.
 * A session's cell is `null` unless it is a player's; the views leave the key out rather than carry `null`,
 * because the domain types (and the messages built from them) treat "no cell" as an absent property.
 */
const cellOf = (session: SessionRecord): { cell?: string } => (session.cell ? { cell: session.cell } : {});

/** The viewpoint the session sees its room from: what `stateFor` and `eventsFor` project for. */
export function viewerOf(session: SessionRecord): Viewer {
  return { role: session.role, ...cellOf(session) };
}

/** The session as the actor of the commands it sends (role and cell from the token, never from a payload). */
export function participantOf(session: SessionRecord): Participant {
  return { kind: 'participant', sessionId: session.id, name: session.name, role: session.role, ...cellOf(session), ...verifiedOf(session) };
}

/** A signed-in session's provenance, on every event it writes and in presence lists (never its e-mail). */
export const verifiedOf = (session: SessionRecord): { verified?: ActorIdentity } => (session.identity ? { verified: actorIdentityOf(session.identity) } : {});

/** Who the session is, as presence lists show it (`connections` counts its open sockets). */
export function presenceOf(session: SessionRecord, connections: number): PresenceEntry {
  return { sessionId: session.id, name: session.name, role: session.role, ...cellOf(session), ...verifiedOf(session), connections };
}

/** Who the session is, as the socket's `welcome` message tells it to itself. */
export function welcomeIdentityOf(session: SessionRecord): WelcomeMessage['me'] {
  return { sessionId: session.id, name: session.name, role: session.role, roomId: session.roomId, ...cellOf(session), ...verifiedOf(session) };
}
