import { Router } from 'express';
import type { AccessService } from '../access/access-service.js';
import { bearerToken } from '../http/errors.js';

/**
 * `POST /api/rooms/:roomId/yjs-tickets` (session token in `Authorization: Bearer`): a single-use ticket that
 * opens one Yjs WebSocket (`/yjs/<roomId>/<doc>?ticket=…`) within a minute. The token stays in a header, out of
 * the URLs that proxies and browsers log; a client asks for a fresh ticket before every (re)connection.
 */
export function yjsTicketRoutes(access: AccessService): Router {
  const router = Router();
  router.post('/rooms/:roomId/yjs-tickets', async (req, res) => {
    const session = await access.authenticateInRoom(bearerToken(req), req.params.roomId);
    res.status(201).json(await access.issueYjsTicket(session));
  });
  return router;
}
