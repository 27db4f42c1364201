import { z } from 'zod';
import { limits } from '../core/limits.js';
import { computedBody } from '../core/rest.js';
import { CellId, Role } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { RoomMode } from './state.js';
import { RoomAccess } from '../identity/access-policy.js';
import { IdentityBinding } from '../identity/binding.js';
import { ActorIdentity, VerifiedIdentity } from '../identity/identity.js';

/**
 * The REST contract of rooms, invitations and sessions (`server/http/rooms-routes.ts`), all under `/api`.
 * Requests are parsed with these schemas; responses are built typed from them. Times are epoch ms.
 */

/** `POST /rooms` (operator token). */
export const CreateRoomRequest = z.object({
  mode: RoomMode,
  title: z.string().trim().min(1).max(limits.maxTitleLength),
  scenario: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  /** Default: `oidc` for a crisis room when a provider is configured, `code` otherwise. */
  access: RoomAccess.optional(),
  /**
   * In a room that signs in, whom the director's invitation admits. Default: the operator who signed in to create
   * the room; with the operator token (automation) and no code access, it must be given.
   */
  directorEmail: z.string().trim().toLowerCase().pipe(z.email()).optional(),
});
export type CreateRoomRequest = z.infer<typeof CreateRoomRequest>;

/**
 * `POST /rooms` → 201: the room and its director's invitation (the code is shown once, only its hash is kept).
 * In an `oidc` room there is no code: `directorUrl` is the room's sign-in page.
 */
export const CreateRoomResponse = z.object({
  roomId: z.string(),
  access: RoomAccess,
  directorCode: z.string().nullable(),
  directorUrl: z.string(),
  /** The room's sign-in page when the director may sign in (an `oidc` or `both` room with her address), else null. */
  directorSignInUrl: z.string().nullable(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponse>;

/** One live room as the operator's list shows it. */
export const RoomSummary = z.object({ roomId: z.string(), title: z.string(), mode: RoomMode, createdAt: z.number() });
export type RoomSummary = z.infer<typeof RoomSummary>;

/** `GET /rooms` (operator token). */
export const RoomListResponse = z.object({ rooms: z.array(RoomSummary) });
export type RoomListResponse = z.infer<typeof RoomListResponse>;

/** An invitation code as typed or carried by its link. */
const InvitationCode = z.string().trim().min(8).max(64);

/** `POST /join`: an invitation code exchanged for a session token. */
export const JoinRequest = z.object({
  code: InvitationCode,
  name: z.string().trim().min(1).max(80),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/** `POST /join-info`: what an invitation code opens, asked by the join page before the person types her name. */
export const JoinInfoRequest = z.object({ code: InvitationCode });
export type JoinInfoRequest = z.infer<typeof JoinInfoRequest>;

/**
 * The room and the seat a code opens — its title, mode, role and the cell's label — and nothing secret: no room
 * state, no other invitation, no session.
 */
export const JoinInfoResponse = z.object({ roomTitle: z.string(), mode: RoomMode, role: Role, cellLabel: z.string().nullable() });
export type JoinInfoResponse = z.infer<typeof JoinInfoResponse>;

/**
 * `GET /session`: who a token speaks for (cell `null` unless a player's). `identity`: how the name was verified
 * (null for a session opened with a code); `expiresAt`: when the session ends (null: with the room).
 */
export const SessionResponse = z.object({
  roomId: z.string(),
  role: Role,
  cell: z.string().nullable(),
  name: z.string(),
  sessionId: z.string(),
  identity: ActorIdentity.nullable(),
  expiresAt: z.number().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `POST /join` → 201: the token (shown once) and the session it opens. */
export const JoinResponse = z.object({ token: z.string(), ...SessionResponse.shape });
export type JoinResponse = z.infer<typeof JoinResponse>;

/** `GET /rooms/:roomId/state`: the room as the caller's audience sees it, and the log position it reflects. */
export const RoomStateResponse = z.object({ state: computedBody<RoomState>(), headSeq: z.number().int().nonnegative() });
export type RoomStateResponse = z.infer<typeof RoomStateResponse>;

/**
 * `POST /rooms/:roomId/invitations` (director). A player's invitation names its cell, and only it does. With
 * `identity`, the invitation has no code: it admits whoever signs in with a matching verified identity.
 */
export const InvitationRequest = z
  .object({
    role: Role,
    cell: CellId.optional(),
    label: z.string().trim().max(120).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
    identity: IdentityBinding.optional(),
  })
  .refine((r) => (r.role === 'player') === (r.cell !== undefined), {
    message: 'une invitation de joueur nomme sa cellule, et seulement elle',
    path: ['cell'],
  });
export type InvitationRequest = z.infer<typeof InvitationRequest>;

/**
 * `POST /rooms/:roomId/invitations` → 201: the code (shown once) and the link that carries it; for an identity
 * invitation, no code and the link of the room's sign-in page.
 */
export const InvitationCreatedResponse = z.object({ id: z.string(), code: z.string().nullable(), url: z.string() });
export type InvitationCreatedResponse = z.infer<typeof InvitationCreatedResponse>;

/** An invitation as the director's lists show it: never its code (only a hash is stored). */
export const InvitationView = z.object({
  id: z.string(),
  roomId: z.string(),
  role: Role,
  cell: z.string().nullable(),
  label: z.string().nullable(),
  identity: IdentityBinding.nullable(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** `GET /rooms/:roomId/invitations` (director). */
export const InvitationListResponse = z.object({ invitations: z.array(InvitationView) });
export type InvitationListResponse = z.infer<typeof InvitationListResponse>;

/** `DELETE /rooms/:roomId/invitations/:id` (director): the sessions opened with it are revoked too. */
export const InvitationRevokedResponse = z.object({ revoked: z.literal(true), revokedSessions: z.array(z.string()) });
export type InvitationRevokedResponse = z.infer<typeof InvitationRevokedResponse>;

/** A session as the director's lists show it: one person in the room (never its token). */
export const SessionView = z.object({
  id: z.string(),
  roomId: z.string(),
  role: Role,
  cell: z.string().nullable(),
  name: z.string(),
  invitationId: z.string().nullable(),
  /** The verified identity behind the session (the director sees the e-mail address), null for a code session. */
  identity: VerifiedIdentity.nullable(),
  createdAt: z.number(),
  expiresAt: z.number().nullable(),
  revokedAt: z.number().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

/** `GET /rooms/:roomId/sessions` (director). */
export const SessionListResponse = z.object({ sessions: z.array(SessionView) });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

/** `DELETE /rooms/:roomId/sessions/:id` (director). */
export const SessionRevokedResponse = z.object({ revoked: z.literal(true) });
export type SessionRevokedResponse = z.infer<typeof SessionRevokedResponse>;
