import { useEffect, useState } from 'react';
import type { RegionData } from '../../shared/care-map/region.js';
import { api, type Loaded } from '../app/api.js';
import { keepForOffline } from '../offline/public-data-cache.js';

export interface MapConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
}

// Reference data is the same for the whole session: one request per region, shared by every component.
const regionRequests = new Map<string, Promise<RegionData>>();
let configRequest: Promise<MapConfig> | null = null;

function useLoaded<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setLoaded({ status: 'loading' });
    load().then(
      (data) => live && setLoaded({ status: 'ready', data }),
      (error: unknown) => live && setLoaded({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // `load` is rebuilt each render; `key` says when the data to load changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as said above
  }, [key]);
  return loaded;
}

/** The region's reference data from `GET /api/regions/:region` (null region: nothing loaded yet). */
export function useRegionData(regionId: string | null): Loaded<RegionData> {
  return useLoaded(regionId, () => {
    const id = regionId ?? '';
    let request = regionRequests.get(id);
    if (!request) {
      const url = `/api/regions/${encodeURIComponent(id)}`;
      request = api.json<RegionData>(url);
      keepForOffline(url);
      request.catch(() => regionRequests.delete(id));
      regionRequests.set(id, request);
    }
    return request;
  });
}

/** `MAP_TILE_URL` and its attribution from `GET /api/config`; no tiles if the call fails. */
export function useMapConfig(): MapConfig {
  const loaded = useLoaded('config', () => {
    if (!configRequest) keepForOffline('/api/config');
    configRequest ??= api.json<MapConfig>('/api/config').catch(() => ({ tileUrl: null, tileAttribution: null }));
    return configRequest;
  });
  return loaded.status === 'ready' ? loaded.data : { tileUrl: null, tileAttribution: null };
}
