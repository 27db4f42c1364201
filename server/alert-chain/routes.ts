import { Router } from 'express';
import { alertChainMeasures, measuresCsv } from '../../shared/alert-chain/measures.js';
import type { AlertChainMeasuresResponse } from '../../shared/alert-chain/rest.js';
import type { RoomState } from '../../shared/room-state.js';
import { roomSessions, type RoomRequest, type RoomSessionDeps } from '../http/room-session.js';

export type AlertChainRoutesDeps = RoomSessionDeps;

/**
 * The alert chain's measures for the RETEX: JSON, and CSV for spreadsheets. Any participant of the room
 * may read them; they are computed from the caller's own projection, so nothing outside their view leaks.
 */
export function alertChainRoutes(deps: AlertChainRoutesDeps): Router {
  const router = Router();
  const { roomSession } = roomSessions(deps);

  const roomStateFor = async (req: RoomRequest): Promise<RoomState> => {
    const { runtime, viewer } = await roomSession(req);
    return runtime.exclusive(() => runtime.stateFor(viewer));
  };

  router.get('/rooms/:roomId/alert-chain/measures', async (req, res) => {
    const state = await roomStateFor(req);
    res.json(alertChainMeasures(state.alertChain) satisfies AlertChainMeasuresResponse);
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
