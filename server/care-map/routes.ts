import { Router } from 'express';
import type { RegionListResponse } from '../../shared/care-map/rest.js';
import { regionLoaderFor, regionsDirFor, type RegionLoader } from './region.js';

/**
 * Public reference data of the care map, mounted under `/api`:
 * - `GET /regions`: the shipped regions (id, label);
 * - `GET /regions/:region`: establishments (region + national emergency layer), boundaries, GHT list,
 *   attribution and the rows left out. No room data and no secret: the same for everyone, so no token.
 * Answers carry an ETag (express computes it), so a reconnecting client revalidates instead of reloading.
 * Pass the server's `SCENARIOS_DIR` so the route serves the regions the setup step loads.
 */
export function careMapRouter(options: { scenariosDir?: string | undefined; regions?: RegionLoader } = {}): Router {
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

  return router;
}
