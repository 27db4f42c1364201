import { Router, type Request } from 'express';
import { z } from 'zod';
import { DomainError } from '../../shared/core/errors.js';
import { limits } from '../../shared/core/limits.js';
import { RoomMode } from '../../shared/room/state.js';
import { AccessService, InvitationRequest, JoinRequest } from '../access/access-service.js';
import { sameSecret } from '../access/secrets.js';
import type { RoomService } from '../rooms/room-service.js';
import { bearerToken, parseBody } from './errors.js';

export const CreateRoomRequest = z.object({
  mode: RoomMode,
  title: z.string().trim().min(1).max(limits.maxTitleLength),
  scenario: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
});

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

  const requireOperator = (req: Request) => {
    const token = bearerToken(req);
    if (!token || !sameSecret(token, operatorToken)) throw new DomainError('unauthorized', "Jeton d'opérateur requis.");
  };

  router.post('/rooms', async (req, res) => {
    requireOperator(req);
    const body = parseBody(CreateRoomRequest, req);
    const runtime = await rooms.create(body);
    const director = await access.createInvitation(runtime.id, { role: 'director', label: 'Direction' }, []);
    res.status(201).json({ roomId: runtime.id, directorCode: director.code, directorUrl: joinUrl(publicUrl(), director.code) });
  });

  router.get('/rooms', async (req, res) => {
    requireOperator(req);
    const all = await Promise.all((await rooms.liveRooms()).map((r) => ({ roomId: r.id, title: r.state.room.title, mode: r.state.room.mode, createdAt: r.state.room.createdAt })));
    res.json({ rooms: all });
  });

  router.post('/join', async (req, res) => {
    const { code, name } = parseBody(JoinRequest, req);
    const { token, session } = await access.join(code, name);
    res.status(201).json({ token, roomId: session.roomId, role: session.role, cell: session.cell, name: session.name, sessionId: session.id });
  });

  router.get('/session', async (req, res) => {
    const session = await access.authenticate(bearerToken(req));
    res.json({ roomId: session.roomId, role: session.role, cell: session.cell, name: session.name, sessionId: session.id });
  });

  router.get('/rooms/:roomId/state', async (req, res) => {
    const session = await access.authenticate(bearerToken(req));
    if (session.roomId !== req.params.roomId) throw new DomainError('forbidden', "Ce jeton n'appartient pas à cette salle.");
    const runtime = await rooms.get(session.roomId);
    const viewer = { role: session.role, ...(session.cell ? { cell: session.cell } : {}) };
    const state = await runtime.exclusive(() => runtime.stateFor(viewer));
    res.json({ state, headSeq: runtime.state.seq });
  });

  router.post('/rooms/:roomId/invitations', async (req, res) => {
    await access.authenticateDirector(bearerToken(req), req.params.roomId);
    const body = parseBody(InvitationRequest, req);
    const runtime = await rooms.get(req.params.roomId);
    const invitation = await access.createInvitation(runtime.id, body, runtime.state.room.cells.map((c) => c.id));
    res.status(201).json({ ...invitation, url: joinUrl(publicUrl(), invitation.code) });
  });

  router.get('/rooms/:roomId/invitations', async (req, res) => {
    await access.authenticateDirector(bearerToken(req), req.params.roomId);
    res.json({ invitations: await access.listInvitations(req.params.roomId) });
  });

  router.delete('/rooms/:roomId/invitations/:id', async (req, res) => {
    await access.authenticateDirector(bearerToken(req), req.params.roomId);
    const revokedSessions = await access.revokeInvitation(req.params.roomId, req.params.id);
    res.json({ revoked: true, revokedSessions });
  });

  router.get('/rooms/:roomId/sessions', async (req, res) => {
    await access.authenticateDirector(bearerToken(req), req.params.roomId);
    res.json({ sessions: await access.listSessions(req.params.roomId) });
  });

  router.delete('/rooms/:roomId/sessions/:id', async (req, res) => {
    await access.authenticateDirector(bearerToken(req), req.params.roomId);
    await access.revokeSession(req.params.roomId, req.params.id);
    res.json({ revoked: true });
  });

  return router;
}
