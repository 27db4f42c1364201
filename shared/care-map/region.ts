import { z } from 'zod';
import { fictionalEstablishment, type Establishment, type FictionalSite } from './establishment.js';
import type { BoundaryCollection } from './load-geojson.js';
import { loadIssue, type LoadIssue } from './load-establishments.js';
import type { Ght, SamuCentre } from './load-reference.js';

/** A region folder name under `scenarios/regions/` (also what a scenario names). */
export const RegionId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'identifiant de région attendu (a-z, 0-9, -)');
export type RegionId = z.infer<typeof RegionId>;

const FileName = (ext: string) => z.string().regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9._-]*\\.${ext}$`), `nom de fichier .${ext} attendu`);

/** `scenarios/regions/<id>/region.json`: which files make the region and where the map opens. */
export const RegionManifest = z.object({
  id: RegionId,
  label: z.string().min(1),
  regionCode: z.string().regex(/^[0-9]{2}$/, 'code INSEE de région à 2 chiffres attendu'),
  establishments: FileName('csv'),
  departements: FileName('geojson'),
  center: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
  zoom: z.number().int().min(3).max(14),
  /**
   * Départements outside the region that border it: their Samu are offered second for a bascule. Computed once
   * from `departements-metropole.geojson` (IGN Admin Express, shared border vertices); see docs/care-map.md.
   */
  neighbourDepartements: z.array(z.string().regex(/^[0-9][0-9AB]$/, 'code de département attendu')).default([]),
});
export type RegionManifest = z.infer<typeof RegionManifest>;

/** The exact attribution lines the Licence Ouverte requires (see `scenarios/regions/LICENCE.md`). */
export const dataAttribution = [
  'Source : DREES, SAE 2023, bases statistiques',
  'FINESS (ministère de la Santé, Licence Ouverte) via Eurostat GISCO healthcare services',
  'IGN Admin Express 2018 – INSEE COG, via france-geojson (G. David)',
] as const;

/**
 * Public reference data of a region, as `GET /api/regions/:region` returns it: the region's establishments
 * plus the national layer of emergency, SMUR and SAMU sites (neighbouring Samu receive bascules),
 * boundaries and the region's GHT list. The rows the loader left out are not in it (see `LoadedRegionData`).
 */
export interface RegionData {
  id: string;
  label: string;
  regionCode: string;
  center: [number, number];
  zoom: number;
  neighbourDepartements: string[];
  establishments: Establishment[];
  samuIds: string[];
  boundaries: { departements: BoundaryCollection; regions: BoundaryCollection | null };
  ghts: Ght[];
  attribution: string[];
}

/**
 * The region as the server loads it: the public data plus the rows left out with why. The rows stay on the
 * server except for the director (`loadIssuesRefusal`): players have no use for import diagnostics.
 */
export interface LoadedRegionData extends RegionData {
  issues: LoadIssue[];
}

/** What anyone may receive of a loaded region: everything but the import diagnostics. */
export function publicRegionData(data: LoadedRegionData): RegionData {
  const { issues: _diagnostics, ...rest } = data;
  return rest;
}

export interface RegionLayers {
  manifest: RegionManifest;
  regional: Establishment[];
  national: Establishment[];
  samuCentres: SamuCentre[];
  ghts: Ght[];
  departements: BoundaryCollection;
  regions: BoundaryCollection | null;
  issues: LoadIssue[];
}

/**
 * Merges the region's file with the national layer. The region file wins for a site present in both
 * (it has every category, the national one only emergency sites). The Samu list is cross-checked
 * against the Centre 15 file: a disagreement is reported, and the site counts as a Samu either way.
 */
export function mergeRegionLayers(layers: RegionLayers): LoadedRegionData {
  const byFiness = new Map<string, Establishment>();
  for (const e of layers.regional) byFiness.set(e.finess, e);
  for (const e of layers.national) if (!byFiness.has(e.finess)) byFiness.set(e.finess, e);
  const issues = [...layers.issues];
  for (const centre of layers.samuCentres) {
    const site = byFiness.get(centre.finess);
    if (!site) {
      issues.push(loadIssue('samu-centres15-france.csv', null, centre.finess, `SAMU ${centre.nom} absent de la couche nationale`));
    } else if (!site.samu) {
      byFiness.set(centre.finess, { ...site, samu: true, kind: 'samu' });
    }
  }
  const establishments = [...byFiness.values()];
  const { manifest } = layers;
  return {
    id: manifest.id,
    label: manifest.label,
    regionCode: manifest.regionCode,
    center: manifest.center,
    zoom: manifest.zoom,
    neighbourDepartements: manifest.neighbourDepartements,
    establishments,
    samuIds: establishments.filter((e) => e.samu).map((e) => e.finess),
    boundaries: { departements: layers.departements, regions: layers.regions },
    ghts: layers.ghts.filter((g) => g.regionCode === manifest.regionCode),
    attribution: [...dataAttribution],
    issues,
  };
}

/** The region's establishments plus the scenario's fictional sites: what the map draws. */
export function establishmentsWithFictional(region: RegionData, sites: readonly FictionalSite[]): Establishment[] {
  if (sites.length === 0) return region.establishments;
  return [...region.establishments, ...sites.map((s) => fictionalEstablishment(s, region.regionCode))];
}

/** Establishments of the region itself (and fictional sites), without the national layer: the regional summary's scope. */
export function regionalScope(establishments: readonly Establishment[]): Establishment[] {
  return establishments.filter((e) => e.layer !== 'national');
}
