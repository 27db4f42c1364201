import { z } from 'zod';
import { RoomAccess } from './access-policy.js';

/**
 * The REST and browser contract of sign-in (`server/identity/`). Sign-in itself is a browser navigation, not a
 * JSON call: the page goes to {@link signInPath}, the provider's pages, then `/auth/callback`, which sends the
 * browser on to `/signed-in#token=…` (a room) or `/operator#token=…` (an operator), or shows a refusal page.
 * The token travels in the fragment, which never reaches a server or a proxy log; the page removes it at once.
 */

/** A configured provider as the sign-in buttons show it. `kind` picks the official button. */
export const ProviderSummary = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['proconnect', 'pro-sante-connect', 'generic']),
});
export type ProviderSummary = z.infer<typeof ProviderSummary>;

/** `GET /api/auth/providers` (public). */
export const ProvidersResponse = z.object({ providers: z.array(ProviderSummary) });
export type ProvidersResponse = z.infer<typeof ProvidersResponse>;

/** `GET /api/rooms/:roomId/access` (public): how one gets into the room, never what is in it. */
export const RoomAccessResponse = z.object({ roomId: z.string(), access: RoomAccess, providers: z.array(ProviderSummary) });
export type RoomAccessResponse = z.infer<typeof RoomAccessResponse>;

/** Where the browser goes to sign in: into a room, or as an operator (who may create rooms). */
export const SignInIntent = z.discriminatedUnion('kind', [z.object({ kind: z.literal('room'), roomId: z.string().min(1) }), z.object({ kind: z.literal('operator') })]);
export type SignInIntent = z.infer<typeof SignInIntent>;

export const signInPath = (provider: string, intent: SignInIntent): string =>
  `/auth/sign-in?provider=${encodeURIComponent(provider)}&${intent.kind === 'room' ? `room=${encodeURIComponent(intent.roomId)}` : 'operator=1'}`;

/** The query of `GET /auth/sign-in`. */
export const SignInQuery = z.union([
  z.object({ provider: z.string().min(1).max(40), room: z.string().regex(/^[a-z0-9]{1,64}$/) }),
  z.object({ provider: z.string().min(1).max(40), operator: z.literal('1') }),
]);
export type SignInQuery = z.infer<typeof SignInQuery>;

/** The fragment key the callback hands the token under. */
export const tokenFragmentKey = 'token';

/** `GET /api/operator/session` (operator session token): who is signed in as an operator. */
export const OperatorSessionResponse = z.object({
  name: z.string(),
  email: z.string().nullable(),
  provider: z.string(),
  expiresAt: z.number(),
});
export type OperatorSessionResponse = z.infer<typeof OperatorSessionResponse>;

/**
 * `DELETE /api/operator/session` and `DELETE /api/rooms/:roomId/session`: the session is revoked here; for a
 * signed-in session, the page then goes to `endSessionUrl` to end the provider's session too.
 */
export const LoggedOutResponse = z.object({ revoked: z.literal(true), endSessionUrl: z.string().nullable() });
export type LoggedOutResponse = z.infer<typeof LoggedOutResponse>;
