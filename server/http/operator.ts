import type { Request } from 'express';
import { DomainError } from '../../shared/core/errors.js';
import { sameSecret } from '../access/secrets.js';
import { bearerToken } from './errors.js';

/** Refuses the request unless its bearer token is the operator's (creating, listing and importing rooms). */
export function requireOperator(req: Request, operatorToken: string): void {
  const token = bearerToken(req);
  if (!token || !sameSecret(token, operatorToken)) throw new DomainError('unauthorized', "Jeton d'opérateur requis.");
}
