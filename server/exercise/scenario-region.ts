import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RegionManifest } from '../../shared/care-map/region.js';
import { loadEstablishments } from '../../shared/care-map/load-establishments.js';

/** Where region folders live, next to the scenarios that name them. */
export const regionsDir = fileURLToPath(new URL('../../scenarios/regions/', import.meta.url));

/** The national emergency layer: a neighbouring Samu outside the region is still a known site. */
const nationalFile = join(regionsDir, 'france', 'urgences-smur-samu-france.csv');

/**
 * FINESS numbers a scenario of `regionId` may name: the region's establishments plus the national
 * emergency layer. Null when the region folder does not exist.
 */
export function readRegionFiness(regionId: string): Set<string> | null {
  const manifestFile = join(regionsDir, regionId, 'region.json');
  if (!/^[a-z][a-z0-9-]{1,39}$/.test(regionId) || !existsSync(manifestFile)) return null;
  const manifest = RegionManifest.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const files = [
    { path: join(regionsDir, regionId, manifest.establishments), layer: 'region' as const },
    { path: nationalFile, layer: 'national' as const },
  ];
  const finess = new Set<string>();
  for (const file of files.filter((f) => existsSync(f.path))) {
    const { establishments } = loadEstablishments(readFileSync(file.path, 'utf8'), { source: file.path, layer: file.layer });
    for (const establishment of establishments) finess.add(establishment.finess);
  }
  return finess;
}

/** The region a parsed (not yet validated) scenario names, if it names one. */
export function regionOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const careOffer = (data as { careOffer?: unknown }).careOffer;
  if (careOffer === null || typeof careOffer !== 'object') return null;
  const region = (careOffer as { region?: unknown }).region;
  return typeof region === 'string' ? region : null;
}
