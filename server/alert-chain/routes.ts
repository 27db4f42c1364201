import { Router, type Request } from 'express';
import { forbidden } from '../../shared/core/errors.js';
import { alertChainMeasures, measuresCsv } from '../../shared/alert-chain/measures.js';
import type { RoomState } from '../../shared/room-state.js';
import type { AccessService } from '../access/access-service.js';
import type { RoomService } from '../rooms/room-service.js';
import { bearerToken } from '../http/errors.js';

export interface AlertChainRoutesDeps {
  rooms: RoomService;
  access: AccessService;
}

/**
 * The alert chain's measures for the RETEX: JSON, and CSV for spreadsheets. Any participant of the room
 * may read them; they are computed from the caller's own projection, so nothing outside their view leaks.
 */
export function alertChainRoutes({ rooms, access }: AlertChainRoutesDeps): Router {
  const router = Router();

  const roomStateFor = async (req: Request<{ roomId: string }>): Promise<RoomState> => {
    const session = await access.authenticate(bearerToken(req));
    if (session.roomId !== req.params.roomId) throw forbidden("Ce jeton n'appartient pas à cette salle.");
    const runtime = await rooms.get(session.roomId);
    const viewer = { role: session.role, ...(session.cell ? { cell: session.cell } : {}) };
    return runtime.exclusive(() => runtime.stateFor(viewer));
  };

  router.get('/rooms/:roomId/alert-chain/measures', async (req, res) => {
    const state = await roomStateFor(req);
    res.json(alertChainMeasures(state.alertChain));
  });

  router.get('/rooms/:roomId/alert-chain/measures.csv', async (req, res) => {
    const state = await roomStateFor(req);
    res
      .type('text/csv; charset=utf-8')
      .attachment(`chaine-alerte-${state.room.id}.csv`)
      .send(measuresCsv(alertChainMeasures(state.alertChain)));
  });

  return router;
}
