import { Router } from 'express';
import { loadIssuesRefusal } from '../../shared/care-map/rules.js';
import type { CareMapIssuesResponse, RegionListResponse } from '../../shared/care-map/rest.js';
import type { FeatureContext } from '../feature.js';
import { roomSessions, type RoomRequest } from '../http/room-session.js';
import { regionLoaderFor, regionsDirFor, type RegionLoader } from './region.js';

export interface CareMapRouterOptions {
  scenariosDir?: string | undefined;
  regions?: RegionLoader;
  /** The room services, for the director's diagnostics route; without them only the public routes are mounted. */
  server?: Pick<FeatureContext, 'rooms' | 'access'>;
}

/**
 * Reference data of the care map, mounted under `/api`:
 * - `GET /regions`: the shipped regions (id, label);
 * - `GET /regions/:region`: establishments (region + national emergency layer), boundaries, GHT list and
 *   attribution. No room data and no secret: the same for everyone, so no token. No import diagnostics either;
 * - `GET /rooms/:roomId/care-map/issues`: the rows of the room's region left out at import, for the director only.
 * Answers carry an ETag (express computes it), so a reconnecting client revalidates instead of reloading.
 * Pass the server's `SCENARIOS_DIR` so the route serves the regions the setup step loads.
 */
export function careMapRouter(options: CareMapRouterOptions = {}): Router {
  const regions = options.regions ?? regionLoaderFor(regionsDirFor(options.scenariosDir));
  const router = Router();

  router.get('/regions', async (_req, res) => {
    res.json({ regions: await regions.list() } satisfies RegionListResponse);
  });

  router.get('/regions/:region', async (req, res) => {
    // `json` is the region's `RegionResponse` (shared/care-map/rest.ts), serialised once when first loaded.
    const { json } = await regions.load(req.params.region);
    res.set('Cache-Control', 'no-cache').type('json').send(json);
  });

  if (options.server) {
    const { roomSession } = roomSessions(options.server);
    router.get('/rooms/:roomId/care-map/issues', async (req: RoomRequest, res) => {
      const { runtime, session } = await roomSession(req);
      const refusal = loadIssuesRefusal(session);
      if (refusal) throw refusal;
      const region = runtime.state.careMap.region;
      const issues = region === null ? [] : (await regions.load(region)).data.issues;
      res.json({ region: region ?? '', issues } satisfies CareMapIssuesResponse);
    });
  }

  return router;
}
