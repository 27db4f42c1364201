import { Router } from 'express';
import {
  CreateRoomRequest,
  InvitationRequest,
  JoinRequest,
  type CreateRoomResponse,
  type InvitationCreatedResponse,
  type InvitationListResponse,
  type InvitationRevokedResponse,
  type JoinResponse,
  type RoomListResponse,
  type RoomStateResponse,
  type SessionListResponse,
  type SessionResponse,
  type SessionRevokedResponse,
} from '../../shared/room/rest.js';
import type { AccessService } from '../access/access-service.js';
import type { RoomService } from '../rooms/room-service.js';
import { bearerToken, parseBody } from './errors.js';
import { requireOperator } from './operator.js';
import { presentInvitation, presentRoomSummary, presentSession, presentSessionView } from './rooms-presenters.js';
import { roomSessions } from './room-session.js';

export interface RoomsRoutesDeps {
  rooms: RoomService;
  access: AccessService;
  operatorToken: string;
  publicUrl: () => string;
}

/** `{base}/join/{code}`: the link a participant opens to join. */
export const joinUrl = (base: string, code: string) => `${base}/join/${encodeURIComponent(code)}`;

/**
 * Rooms, invitations and sessions. Each route: authenticate → validate → act → present.
 * Room state itself is only ever sent filtered for the caller's audience.
 */
export function roomsRoutes({ rooms, access, operatorToken, publicUrl }: RoomsRoutesDeps): Router {
  const router = Router();
  const { roomSession, directorSession, directorCaller } = roomSessions({ access, rooms });

  router.post('/rooms', async (req, res) => {
    requireOperator(req, operatorToken);
    const body = parseBody(CreateRoomRequest, req);
    const runtime = await rooms.create(body);
    const director = await access.createInvitation(runtime.id, { role: 'director', label: 'Direction' }, []);
    res.status(201).json({ roomId: runtime.id, directorCode: director.code, directorUrl: joinUrl(publicUrl(), director.code) } satisfies CreateRoomResponse);
  });

  router.get('/rooms', async (req, res) => {
    requireOperator(req, operatorToken);
    res.json({ rooms: (await rooms.liveRooms()).map(presentRoomSummary) } satisfies RoomListResponse);
  });

  router.post('/join', async (req, res) => {
    const { code, name } = parseBody(JoinRequest, req);
    const { token, session } = await access.join(code, name);
    res.status(201).json({ token, ...presentSession(session) } satisfies JoinResponse);
  });

  router.get('/session', async (req, res) => {
    const session = await access.authenticate(bearerToken(req));
    res.json(presentSession(session) satisfies SessionResponse);
  });

  router.get('/rooms/:roomId/state', async (req, res) => {
    const { runtime, viewer } = await roomSession(req);
    const state = await runtime.exclusive(() => runtime.stateFor(viewer));
    res.json({ state, headSeq: runtime.state.seq } satisfies RoomStateResponse);
  });

  router.post('/rooms/:roomId/invitations', async (req, res) => {
    const { runtime } = await directorSession(req);
    const body = parseBody(InvitationRequest, req);
    const invitation = await access.createInvitation(
      runtime.id,
      body,
      runtime.state.room.cells.map((c) => c.id),
    );
    res.status(201).json({ ...invitation, url: joinUrl(publicUrl(), invitation.code) } satisfies InvitationCreatedResponse);
  });

  router.get('/rooms/:roomId/invitations', async (req, res) => {
    await directorCaller(req);
    res.json({ invitations: (await access.listInvitations(req.params.roomId)).map(presentInvitation) } satisfies InvitationListResponse);
  });

  router.delete('/rooms/:roomId/invitations/:id', async (req, res) => {
    await directorCaller(req);
    const revokedSessions = await access.revokeInvitation(req.params.roomId, req.params.id);
    res.json({ revoked: true, revokedSessions } satisfies InvitationRevokedResponse);
  });

  // Her own session, whatever her role: logging out from the room page.
  router.delete('/rooms/:roomId/session', async (req, res) => {
    await access.logout(bearerToken(req), req.params.roomId);
    res.json({ revoked: true } satisfies SessionRevokedResponse);
  });

  router.get('/rooms/:roomId/sessions', async (req, res) => {
    await directorCaller(req);
    res.json({ sessions: (await access.listSessions(req.params.roomId)).map(presentSessionView) } satisfies SessionListResponse);
  });

  router.delete('/rooms/:roomId/sessions/:id', async (req, res) => {
    await directorCaller(req);
    await access.revokeSession(req.params.roomId, req.params.id);
    res.json({ revoked: true } satisfies SessionRevokedResponse);
  });

  return router;
}
