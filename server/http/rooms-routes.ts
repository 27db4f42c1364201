import { Router } from 'express';
import {
  CreateRoomRequest,
  InvitationRequest,
  JoinInfoRequest,
  JoinRequest,
  type JoinInfoResponse,
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
import { DomainError } from '../../shared/core/errors.js';
import { acceptsCodes, acceptsIdentities, defaultRoomAccess } from '../../shared/identity/access-policy.js';
import type { LoggedOutResponse } from '../../shared/identity/rest.js';
import type { AccessService } from '../access/access-service.js';
import { postLogoutUri, roomSignInPage } from '../identity/identity-routes.js';
import type { SignInService } from '../identity/sign-in-service.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { Operator } from './operator.js';
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
  signIn: SignInService;
}

/** `{base}/join/{code}`: the link a participant opens to join. */
export const joinUrl = (base: string, code: string) => `${base}/join/${encodeURIComponent(code)}`;

/**
 * The director's way in to a new (or imported) room: a code where the room takes codes, else an invitation bound
 * to `directorEmail`, or to the operator who signed in to create it, and the room's sign-in page.
 */
export async function directorInvitation(
  access: AccessService,
  runtime: RoomRuntime,
  base: string,
  label: string,
  who: { operator: Operator; directorEmail?: string | undefined },
): Promise<{ directorCode: string | null; directorUrl: string; directorSignInUrl: string | null }> {
  const policy = runtime.state.room.access;
  const email = who.directorEmail ?? (who.operator.kind === 'identity' ? who.operator.session.identity.email : null);
  // In a `both` room the director gets the two ways in: her identity, and a code for when the network is gone.
  const signsIn = email !== null && acceptsIdentities(policy);
  if (signsIn) await access.createIdentityInvitation(runtime.id, { role: 'director', label }, { kind: 'email', value: email }, [], policy);
  const directorSignInUrl = signsIn ? roomSignInPage(base, runtime.id) : null;
  if (acceptsCodes(policy)) {
    const { code } = await access.createInvitation(runtime.id, { role: 'director', label }, [], policy);
    return { directorCode: code, directorUrl: joinUrl(base, code), directorSignInUrl };
  }
  if (!directorSignInUrl) throw new DomainError('invalid', 'Salle sans code : indiquez directorEmail, l’adresse de la personne qui dirigera la salle.');
  return { directorCode: null, directorUrl: directorSignInUrl, directorSignInUrl };
}
/**
 * Rooms, invitations and sessions. Each route: authenticate → validate → act → present.
 * Room state itself is only ever sent filtered for the caller's audience.
 */
export function roomsRoutes({ rooms, access, operatorToken, publicUrl, signIn }: RoomsRoutesDeps): Router {
  const router = Router();
  const { roomSession, directorSession, directorCaller } = roomSessions({ access, rooms });

  router.post('/rooms', async (req, res) => {
    const operator = await requireOperator(req, operatorToken, access);
    const { directorEmail, ...body } = parseBody(CreateRoomRequest, req);
    const policy = body.access ?? defaultRoomAccess(body.mode, signIn.configured);
    if (policy !== 'code' && !signIn.configured) throw new DomainError('invalid', `Accès « ${policy} » impossible : aucun fournisseur d'identité n'est configuré (OIDC_PROVIDERS).`);
    if (policy === 'oidc' && !directorEmail && operator.kind === 'token') {
      throw new DomainError('invalid', 'Salle sans code : indiquez directorEmail, l’adresse de la personne qui dirigera la salle.');
    }
    const runtime = await rooms.create({ ...body, access: policy });
    const director = await directorInvitation(access, runtime, publicUrl(), 'Direction', { operator, directorEmail });
    res.status(201).json({ roomId: runtime.id, access: policy, ...director } satisfies CreateRoomResponse);
  });

  router.get('/rooms', async (req, res) => {
    await requireOperator(req, operatorToken, access);
    res.json({ rooms: (await rooms.liveRooms()).map(presentRoomSummary) } satisfies RoomListResponse);
  });

  // A POST, not a GET with the code in the path: the code stays out of access logs and browser history.
  router.post('/join-info', async (req, res) => {
    const { code } = parseBody(JoinInfoRequest, req);
    const invitation = await access.invitationForCode(code);
    const { room } = (await rooms.get(invitation.roomId)).state;
    const cellLabel = invitation.cell === null ? null : (room.cells.find((c) => c.id === invitation.cell)?.label ?? invitation.cell);
    res.json({ roomTitle: room.title, mode: room.mode, role: invitation.role, cellLabel } satisfies JoinInfoResponse);
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
    const cells = runtime.state.room.cells.map((c) => c.id);
    const policy = runtime.state.room.access;
    if (body.identity) {
      const { id } = await access.createIdentityInvitation(runtime.id, body, body.identity, cells, policy);
      return void res.status(201).json({ id, code: null, url: roomSignInPage(publicUrl(), runtime.id) } satisfies InvitationCreatedResponse);
    }
    const invitation = await access.createInvitation(runtime.id, body, cells, policy);
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
    const session = await access.logout(bearerToken(req), req.params.roomId);
    const endSessionUrl = await signIn.endSessionUrl(session.identity, session.idTokenHint, postLogoutUri(publicUrl()));
    res.json({ revoked: true, endSessionUrl } satisfies LoggedOutResponse);
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
