import { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { acceptsCodes, type RoomAccess } from '../../shared/identity/access-policy.js';
import { httpStatusOf } from '../../shared/core/errors.js';
import {
  SignInQuery,
  signInPath,
  tokenFragmentKey,
  type LoggedOutResponse,
  type OperatorSessionResponse,
  type ProvidersResponse,
  type RoomAccessResponse,
  type SignInIntent,
} from '../../shared/identity/rest.js';
import type { AccessService } from '../access/access-service.js';
import { bearerToken } from '../http/errors.js';
import type { Logger } from '../ops/logger.js';
import type { SignInService } from './sign-in-service.js';
import { SignInRefusal } from './sign-in-refusal.js';
import { retryLinks, signedOutPage, signInRefusedPage } from './sign-in-pages-html.js';

export interface IdentityRoutesDeps {
  signIn: SignInService;
  access: AccessService;
  policyOf: (roomId: string) => Promise<RoomAccess>;
  url: () => string;
  logger: Logger;
}

/** The cookie that ties a sign-in to the browser that started it (`SignInService`). */
const browserCookie = 'orsan_signin';
const cookieMaxAgeMs = 30 * 60_000;

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Where a sign-in for `roomId` lands in the client, to type a code instead. */
export const roomSignInPage = (base: string, roomId: string) => `${base}/sign-in/${encodeURIComponent(roomId)}`;
export const postLogoutUri = (base: string) => `${base}/auth/signed-out`;

/** The API half: which providers exist, how a room is entered, the operator's own session. */
export function identityApiRoutes({ signIn, access, policyOf, url }: IdentityRoutesDeps): Router {
  const router = Router();
  router.get('/auth/providers', (_req, res) => res.json({ providers: signIn.summaries() } satisfies ProvidersResponse));

  router.get('/rooms/:roomId/access', async (req, res) => {
    const access = await policyOf(req.params.roomId);
    res.json({ roomId: req.params.roomId, access, providers: access === 'code' ? [] : signIn.summaries() } satisfies RoomAccessResponse);
  });

  router.get('/operator/session', async (req, res) => {
    const token = bearerToken(req);
    const session = token ? await access.operatorSession(token) : null;
    if (!session) return void res.status(401).json({ error: { code: 'unauthorized', message: "Session d'opérateur inconnue ou expirée." } });
    res.json({ name: session.identity.name, email: session.identity.email, provider: session.identity.providerLabel, expiresAt: session.expiresAt } satisfies OperatorSessionResponse);
  });

  router.delete('/operator/session', async (req, res) => {
    const session = await access.logoutOperator(bearerToken(req));
    const endSessionUrl = await signIn.endSessionUrl(session.identity, session.idTokenHint, postLogoutUri(url()));
    res.json({ revoked: true, endSessionUrl } satisfies LoggedOutResponse);
  });
  return router;
}

/**
 * The browser half, outside `/api` (navigations, not JSON calls): `/auth/sign-in` sends the browser to the
 * provider, `/auth/callback` takes its answer back and hands the new session's token to the client page in the
 * URL fragment (never sent to a server, never in a proxy log); a refusal is a page that says why and what to do.
 */
export function identityPages(deps: IdentityRoutesDeps): Router {
  const { signIn, logger, url } = deps;
  const router = Router();

  router.get('/auth/sign-in', async (req, res) => {
    const query = SignInQuery.safeParse(req.query);
    if (!query.success) return refuse(res, new SignInRefusal('room', 'Lien de connexion incomplet : il faut un fournisseur et une salle.', null, null));
    const intent: SignInIntent = 'room' in query.data ? { kind: 'room', roomId: query.data.room } : { kind: 'operator' };
    const secret = cookieOf(req, browserCookie) ?? randomBytes(24).toString('base64url');
    try {
      const target = await signIn.start(query.data.provider, intent, secret);
      res.cookie(browserCookie, secret, { httpOnly: true, sameSite: 'lax', secure: url().startsWith('https:'), path: '/auth', maxAge: cookieMaxAgeMs });
      res.redirect(303, target.href);
    } catch (error) {
      await refuse(res, error);
    }
  });

  router.get('/auth/callback', async (req, res) => {
    try {
      const signedIn = await signIn.complete(new URL(req.originalUrl, url()), cookieOf(req, browserCookie));
      const target = signedIn.kind === 'room' ? '/signed-in' : '/operator';
      res.setHeader('cache-control', 'no-store');
      res.setHeader('referrer-policy', 'no-referrer');
      res.redirect(303, `${target}#${tokenFragmentKey}=${encodeURIComponent(signedIn.token)}`);
    } catch (error) {
      await refuse(res, error);
    }
  });

  router.get('/auth/signed-out', (_req, res) => res.type('html').send(signedOutPage()));

  async function refuse(res: Response, error: unknown): Promise<void> {
    if (!(error instanceof SignInRefusal)) {
      logger.error({ err: error }, 'sign-in failed');
      error = new SignInRefusal('unavailable', 'La connexion a échoué sur ce serveur. Réessayez ; si cela persiste, prévenez l’exploitant.', null, null);
    }
    const refusal = error as SignInRefusal;
    logger.info({ reason: refusal.reason, provider: refusal.providerId }, 'sign-in refused');
    const intent = refusal.intent;
    const codeHref = intent?.kind === 'room' && acceptsCodes(await deps.policyOf(intent.roomId).catch(() => 'oidc' as const)) ? `/sign-in/${intent.roomId}` : null;
    const retry = intent && refusal.reason !== 'not_operator' ? retryLinks(signIn.summaries(), (p) => signInPath(p, intent)) : [];
    res
      .status(httpStatusOf[refusal.code])
      .type('html')
      .send(signInRefusedPage({ title: titles[refusal.reason], reason: refusal.message, retry, codeHref, switchAccountHref: refusal.switchAccountUrl }));
  }
  return router;
}

const titles: Readonly<Record<SignInRefusal['reason'], string>> = {
  cancelled: 'Connexion interrompue',
  state: 'Connexion à recommencer',
  token: 'Connexion refusée : réponse non vérifiée',
  claims: 'Connexion refusée : identité incomplète',
  acr: "Connexion refusée : niveau d'authentification insuffisant",
  not_invited: 'Aucune invitation de cette salle ne correspond à votre compte',
  not_operator: "Vous n'êtes pas opérateur de ce serveur",
  room: 'Salle introuvable',
  unavailable: "Fournisseur d'identité indisponible",
};
