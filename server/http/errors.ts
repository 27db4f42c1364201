import type { ErrorRequestHandler, Request } from 'express';
import type { z } from 'zod';
import { DomainError, describeZodError, type ErrorCode } from '../../shared/core/errors.js';
import type { Logger } from '../ops/logger.js';

const statusOf: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Parses a request body with a zod schema, or throws an `invalid` error naming the bad fields. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.infer<S> {
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) throw new DomainError('invalid', describeZodError(parsed.error));
  return parsed.data;
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** Every error leaves as `{ error: { code, message } }` with the matching HTTP status. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let body: { code: ErrorCode; message: string };
    if (error instanceof DomainError) body = error.toBody();
    else if (error?.type === 'entity.parse.failed') body = { code: 'invalid', message: 'Corps JSON mal formé.' };
    else if (error?.type === 'entity.too.large') body = { code: 'too_large', message: 'Corps de requête trop volumineux.' };
    else {
      logger.error({ err: error, path: req.path }, 'request failed');
      body = { code: 'internal', message: 'Erreur interne du serveur.' };
    }
    res.status(statusOf[body.code]).json({ error: body });
  };
}
