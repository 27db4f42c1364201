import { Router } from 'express';
import type { FeatureContext } from '../feature.js';
import type { ScenarioListResponse } from '../../shared/exercise/rest.js';
import { listScenarios } from './scenario-files.js';

/** Exercise REST: the catalogue of shipped scenarios (titles only: nothing of an animator kit). */
export function exerciseRoutes(server: Pick<FeatureContext, 'rooms' | 'access' | 'store' | 'config' | 'operatorToken' | 'url'>): Router {
  const router = Router();
  router.get('/scenarios', (_req, res) => {
    res.json({ scenarios: listScenarios(server.config.SCENARIOS_DIR) } satisfies ScenarioListResponse);
  });
  return router;
}
