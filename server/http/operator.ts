import type { Request } from 'express';
import { DomainError } from '../../shared/core/errors.js';
import type { AccessService } from '../access/access-service.js';
import { sameSecret } from '../access/secrets.js';
import type { OperatorSessionRecord } from '../store/types.js';
import { bearerToken } from './errors.js';

/** Who acts as operator: automation with the operator token, or a person signed in whose e-mail is an operator's. */
export type Operator = { kind: 'token' } | { kind: 'identity'; session: OperatorSessionRecord };

/** Refuses the request unless its bearer token is the operator token or a live operator session (creating, listing and importing rooms). */
export async function requireOperator(req: Request, operatorToken: string, access: Pick<AccessService, 'operatorSession'>): Promise<Operator> {
  const token = bearerToken(req);
  if (!token) throw new DomainError('unauthorized', "Jeton d'opérateur requis.");
  if (sameSecret(token, operatorToken)) return { kind: 'token' };
  const session = await access.operatorSession(token);
  if (!session) throw new DomainError('unauthorized', "Jeton d'opérateur requis (ou session d'opérateur expirée).");
  return { kind: 'identity', session };
}
