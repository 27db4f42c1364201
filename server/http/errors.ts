import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { DomainError, codeOfHttpStatus, describeZodError, httpStatusOf, type ErrorBody } from '../../shared/core/errors.js';
import { nestsDeeperThan } from '../../shared/core/json-depth.js';
import { limits } from '../../shared/core/limits.js';
import type { Logger } from '../ops/logger.js';

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

/** Refuses a JSON body nested deeper than `limits.maxJsonDepth` before any route reads it (recursively). */
export const refuseDeepJson: RequestHandler = (req, _res, next) => {
  if (nestsDeeperThan(req.body, limits.maxJsonDepth)) return next(new DomainError('invalid', `Corps JSON trop imbriqué (plus de ${limits.maxJsonDepth} niveaux).`));
  next();
};

/** What body-parser's typed errors mean to the sender. */
const bodyErrors = new Map<string, ErrorBody>([
  ['entity.parse.failed', { code: 'invalid', message: 'Corps JSON mal formé.' }],
  ['entity.too.large', { code: 'too_large', message: 'Corps de requête trop volumineux.' }],
  ['charset.unsupported', { code: 'invalid', message: 'Jeu de caractères non pris en charge : envoyer le JSON en UTF-8.' }],
  ['encoding.unsupported', { code: 'invalid', message: 'Content-Encoding non pris en charge (identity, gzip, deflate ou br).' }],
]);

/**
 * A request the client got wrong, as express and body-parser report it: an error carrying a 4xx `status`
 * (bad percent-encoding in the path, unsupported charset or Content-Encoding, a corrupt gzip/deflate/br
 * body, an aborted upload). It keeps its status and gets a stable code; nothing to log, the server is fine.
 */
function clientError(error: unknown): { status: number; body: ErrorBody } | null {
  if (!(error instanceof Error) || !('status' in error) || typeof error.status !== 'number') return null;
  const { status } = error;
  if (status < 400 || status > 499) return null;
  const type = 'type' in error && typeof error.type === 'string' ? error.type : '';
  const known = bodyErrors.get(type);
  if (known) return { status, body: known };
  if (error instanceof URIError) return { status, body: { code: 'invalid', message: 'Adresse mal encodée (séquence %xx invalide).' } };
  return { status, body: { code: codeOfHttpStatus(status), message: 'Requête illisible (corps ou en-têtes invalides).' } };
}

/** Every error leaves as `{ error: { code, message } }` with the matching HTTP status; only server faults are logged. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (error instanceof DomainError) return void res.status(httpStatusOf[error.code]).json({ error: error.toBody() });
    const refused = clientError(error);
    if (refused) return void res.status(refused.status).json({ error: refused.body });
    logger.error({ err: error, path: req.path }, 'request failed');
    res.status(500).json({ error: { code: 'internal', message: 'Erreur interne du serveur.' } satisfies ErrorBody });
  };
}
