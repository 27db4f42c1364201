import { z } from 'zod';
import { computedBody } from '../core/rest.js';
import type { LoadIssue } from './load-establishments.js';
import type { RegionData } from './region.js';

/** The REST contract of the care map (`server/care-map/routes.ts`; `GET /config` in `server/app.ts`), under `/api`. */

/** A shipped region. */
export const RegionSummary = z.object({ id: z.string(), label: z.string() });
export type RegionSummary = z.infer<typeof RegionSummary>;

/** `GET /regions` (no token: public reference data). */
export const RegionListResponse = z.object({ regions: z.array(RegionSummary) });
export type RegionListResponse = z.infer<typeof RegionListResponse>;

/** `GET /regions/:region` (no token): built by `mergeRegionLayers` without its diagnostics (`publicRegionData`), serialised once per region. */
export const RegionResponse = computedBody<RegionData>();
export type RegionResponse = z.infer<typeof RegionResponse>;

/** `GET /rooms/:roomId/care-map/issues` (director's token, `loadIssuesRefusal`): the rows of the room's region left out at import. */
export const CareMapIssuesResponse = computedBody<{ region: string; issues: LoadIssue[] }>();
export type CareMapIssuesResponse = z.infer<typeof CareMapIssuesResponse>;

/** `GET /config`: the map tiles of this deployment (`MAP_TILE_URL`), or none on an isolated network. */
export const MapConfigResponse = z.object({ tileUrl: z.string().nullable(), tileAttribution: z.string().nullable() });
export type MapConfigResponse = z.infer<typeof MapConfigResponse>;
