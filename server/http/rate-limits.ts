import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AccessService } from '../access/access-service.js';
import { sameSecret } from '../access/secrets.js';
import type { Logger } from '../ops/logger.js';
import { bearerToken } from './errors.js';

/** REST budget of one caller (a session, the operator, or an anonymous address), per instance. */
export const restRateLimit = { windowMs: 60_000, requests: 600 } as const;

export interface RestRateLimitDeps {
  access: AccessService;
  operatorToken: string;
  logger: Logger;
}

/**
 * Who a request counts against: its session when its bearer token is live (so people behind one NAT or one
 * proxy never share a bucket), the operator, or else the client's address as `trust proxy` resolves it. A
 * token that does not authenticate counts against the address: inventing tokens buys no fresh bucket. The
 * key is the session id, never the token.
 */
async function callerKey(req: Request, deps: RestRateLimitDeps): Promise<string> {
  const token = bearerToken(req);
  if (token) {
    if (sameSecret(token, deps.operatorToken)) return 'operator';
    const session = await deps.access.authenticate(token).catch(() => null);
    if (session) return `session:${session.id}`;
    const operator = await deps.access.operatorSession(token).catch(() => null);
    if (operator) return `operator:${operator.id}`;
  }
  return `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

/** The `/api` rate limit: `restRateLimit` per session, per operator, or per anonymous client address. */
export function restRateLimiter(deps: RestRateLimitDeps): RequestHandler {
  let warned = false;
  return rateLimit({
    windowMs: restRateLimit.windowMs,
    limit: restRateLimit.requests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      if (!warned && req.headers['x-forwarded-for'] && req.app.get('trust proxy') === false) {
        warned = true;
        deps.logger.warn('X-Forwarded-For received but TRUST_PROXY is not set: anonymous requests are limited per proxy address');
      }
      return callerKey(req, deps);
    },
    // Deliberate, and reported once above in our own logs: with TRUST_PROXY unset the header is not believed.
    validate: { xForwardedForHeader: false },
    message: { error: { code: 'rate_limited', message: 'Trop de requêtes.' } },
  });
}
