import type { Request } from 'express';
import type { Participant } from '../../shared/core/define.js';
import type { Viewer } from '../../shared/core/visibility.js';
import type { AccessService } from '../access/access-service.js';
import { participantOf, viewerOf } from '../access/session-views.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { RoomService } from '../rooms/room-service.js';
import type { SessionRecord } from '../store/types.js';
import { bearerToken } from './errors.js';

/** The caller of a `/rooms/:roomId/…` route, seen the three ways routes need. */
export interface RoomCaller {
  session: SessionRecord;
  /** What the caller may see: pass it to `stateFor` / `eventsFor`. */
  viewer: Viewer;
  /** The caller as the actor of what it does. */
  participant: Participant;
}

/** The caller and the live room it belongs to. */
export interface RoomSession extends RoomCaller {
  runtime: RoomRuntime;
}

export interface RoomSessionDeps {
  access: Pick<AccessService, 'authenticateInRoom' | 'authenticateDirector'>;
  rooms: Pick<RoomService, 'get'>;
}

/** A request on a room's path: `:roomId` names the room, the bearer token names the caller. */
export type RoomRequest = Request<{ roomId: string }>;

export interface RoomSessions {
  /** Any participant of the room named by `:roomId` (a token of another room is `forbidden`), and that room. */
  roomSession(req: RoomRequest): Promise<RoomSession>;
  /** The director of the room named by `:roomId`, and that room. */
  directorSession(req: RoomRequest): Promise<RoomSession>;
  /**
   * The director of the room named by `:roomId`, without loading the room: listing and revoking invitations
   * and sessions keeps working while the room is quarantined (its log cannot be replayed).
   */
  directorCaller(req: RoomRequest): Promise<RoomCaller>;
}

const callerOf = (session: SessionRecord): RoomCaller => ({ session, viewer: viewerOf(session), participant: participantOf(session) });

/**
 * The one place a REST route learns who calls it: authenticate the bearer token, check that it belongs to
 * the room of the path, derive the viewer and the participant, load the room. Routes never re-check by hand.
 *
 * @example
 * const { roomSession } = roomSessions({ access, rooms });
 * router.get('/rooms/:roomId/state', async (req, res) => {
 *   const { runtime, viewer } = await roomSession(req);
 *   res.json({ state: await runtime.stateFor(viewer), headSeq: runtime.state.seq });
 * });
 */
export function roomSessions({ access, rooms }: RoomSessionDeps): RoomSessions {
  const inRoom = async (session: SessionRecord): Promise<RoomSession> => ({ ...callerOf(session), runtime: await rooms.get(session.roomId) });
  return {
    roomSession: async (req) => inRoom(await access.authenticateInRoom(bearerToken(req), req.params.roomId)),
    directorSession: async (req) => inRoom(await access.authenticateDirector(bearerToken(req), req.params.roomId)),
    directorCaller: async (req) => callerOf(await access.authenticateDirector(bearerToken(req), req.params.roomId)),
  };
}
