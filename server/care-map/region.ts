import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeZodError, notFound } from '../../shared/core/errors.js';
import { loadEstablishments, type LoadIssue } from '../../shared/care-map/load-establishments.js';
import { loadBoundaries, type BoundaryCollection } from '../../shared/care-map/load-geojson.js';
import { loadGhtList, loadSamuCentres } from '../../shared/care-map/load-reference.js';
import { mergeRegionLayers, publicRegionData, RegionId, RegionManifest, type LoadedRegionData } from '../../shared/care-map/region.js';

/** `scenarios/regions/` of the checkout: the region folders and the shared national layer `france/`. */
export const defaultRegionsDir = fileURLToPath(new URL('../../scenarios/regions', import.meta.url));

/** Files of the national layer, shared by every region. */
export const nationalFiles = {
  urgences: 'urgences-smur-samu-france.csv',
  samu: 'samu-centres15-france.csv',
  ght: 'ght-liste-2023.csv',
  regions: 'regions-metropole.geojson',
} as const;

export interface LoadedRegion {
  /** The region with its import diagnostics (`issues`): for the server, and the director through a room route. */
  data: LoadedRegionData;
  /** The public part of `data` (no diagnostics) serialised once: the REST route sends the same ~600 kB to every participant. */
  json: string;
}

/** Region reference data, read from disk once per region and kept in memory (it never changes while running). */
export interface RegionLoader {
  load(regionId: string): Promise<LoadedRegion>;
  list(): Promise<{ id: string; label: string }[]>;
}

async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** Boundaries must be valid: a file that is not is a deployment error, reported with every problem. */
function requireBoundaries(result: { boundaries: BoundaryCollection | null; issues: LoadIssue[] }): BoundaryCollection {
  if (result.boundaries) return result.boundaries;
  throw new Error(`Limites administratives invalides :\n${result.issues.map((i) => i.message).join('\n')}`);
}

async function readManifest(dir: string, regionId: string): Promise<RegionManifest> {
  const path = join(dir, regionId, 'region.json');
  if (!existsSync(path)) throw notFound(`Région « ${regionId} » inconnue.`);
  let json: unknown;
  try {
    json = JSON.parse(await readText(path));
  } catch (error) {
    throw new Error(`${regionId}/region.json : JSON invalide (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = RegionManifest.safeParse(json);
  if (!parsed.success) throw new Error(`${regionId}/region.json invalide : ${describeZodError(parsed.error)}`);
  if (parsed.data.id !== regionId) throw new Error(`${regionId}/region.json : id « ${parsed.data.id} » différent du dossier`);
  return parsed.data;
}

/** Reads and validates every file of a region and of the national layer. */
export async function readRegion(dir: string, regionId: string): Promise<LoadedRegionData> {
  const manifest = await readManifest(dir, regionId);
  const regionDir = join(dir, regionId);
  const france = join(dir, 'france');
  const [regionalCsv, nationalCsv, samuCsv, ghtCsv, departementsJson, regionsJson] = await Promise.all([
    readText(join(regionDir, manifest.establishments)),
    readText(join(france, nationalFiles.urgences)),
    readText(join(france, nationalFiles.samu)),
    readText(join(france, nationalFiles.ght)),
    readText(join(regionDir, manifest.departements)),
    readText(join(france, nationalFiles.regions)),
  ]);
  const regional = loadEstablishments(regionalCsv, { source: manifest.establishments, layer: 'region' });
  const national = loadEstablishments(nationalCsv, { source: nationalFiles.urgences, layer: 'national' });
  const samu = loadSamuCentres(samuCsv, nationalFiles.samu);
  const ght = loadGhtList(ghtCsv, nationalFiles.ght);
  return mergeRegionLayers({
    manifest,
    regional: regional.establishments,
    national: national.establishments,
    samuCentres: samu.samus,
    ghts: ght.ghts,
    departements: requireBoundaries(loadBoundaries(departementsJson, manifest.departements)),
    regions: requireBoundaries(loadBoundaries(regionsJson, nationalFiles.regions)),
    issues: [...regional.issues, ...national.issues, ...samu.issues, ...ght.issues],
  });
}

/**
 * The loader the server uses. Concurrent first requests share one read; a failed read is not cached,
 * so fixing a file and retrying works without a restart.
 */
export function createRegionLoader(dir: string = defaultRegionsDir): RegionLoader {
  const cache = new Map<string, Promise<LoadedRegion>>();
  return {
    load(regionId) {
      const id = RegionId.safeParse(regionId);
      if (!id.success) return Promise.reject(notFound(`Région « ${regionId} » inconnue.`));
      let entry = cache.get(id.data);
      if (!entry) {
        entry = readRegion(dir, id.data).then((data) => ({ data, json: JSON.stringify(publicRegionData(data)) }));
        entry.catch(() => cache.delete(id.data));
        cache.set(id.data, entry);
      }
      return entry;
    },
    async list() {
      const entries = await readdir(dir, { withFileTypes: true });
      const regions = [];
      for (const entry of entries) {
        if (!entry.isDirectory() || !existsSync(join(dir, entry.name, 'region.json'))) continue;
        const manifest = await readManifest(dir, entry.name);
        regions.push({ id: manifest.id, label: manifest.label });
      }
      return regions.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
    },
  };
}

const loaders = new Map<string, RegionLoader>();

/** One cached loader per directory, so the setup step and the REST route share what they read. */
export function regionLoaderFor(dir: string = defaultRegionsDir): RegionLoader {
  let loader = loaders.get(dir);
  if (!loader) {
    loader = createRegionLoader(dir);
    loaders.set(dir, loader);
  }
  return loader;
}

/**
 * The regions of a `SCENARIOS_DIR`: its `regions/` folder when it has one, else the shipped regions
 * (a deployment's own scenarios usually reuse the shipped reference data).
 */
export function regionsDirFor(scenariosDir: string | undefined): string {
  if (!scenariosDir) return defaultRegionsDir;
  const dir = join(scenariosDir, 'regions');
  return existsSync(dir) ? dir : defaultRegionsDir;
}

/** The process-wide loader over the shipped `scenarios/regions/`. */
export const regionLoader: RegionLoader = regionLoaderFor(defaultRegionsDir);
