import { z } from 'zod';
import { formatPath } from '../core/errors.js';
import { loadIssue, type LoadIssue } from './load-establishments.js';

/** A GeoJSON position in WGS84: [longitude, latitude] (optionally an altitude, ignored). */
const Position = z
  .array(z.number({ error: 'nombre attendu' }))
  .min(2, 'position [longitude, latitude] attendue')
  .max(3, 'position [longitude, latitude] attendue')
  .refine((p) => Math.abs(p[0] ?? 0) <= 180 && Math.abs(p[1] ?? 0) <= 90, {
    error: 'position hors des limites WGS84 (longitude ±180, latitude ±90)',
  });

/** A closed ring of at least four positions, as RFC 7946 requires. */
const LinearRing = z
  .array(Position)
  .min(4, 'un anneau a au moins 4 positions')
  .refine(
    (ring) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    },
    { error: 'anneau non fermé (la dernière position doit répéter la première)' },
  );

const Polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(LinearRing).min(1, 'polygone vide') });
const MultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(LinearRing).min(1, 'polygone vide')).min(1, 'multipolygone vide'),
});

/** The properties a boundary must carry: its INSEE code and name (shown on hover). */
const BoundaryProperties = z.looseObject({
  code: z.string({ error: 'propriété « code » (texte) attendue' }).min(1),
  nom: z.string({ error: 'propriété « nom » (texte) attendue' }).min(1),
});

const BoundaryFeature = z.object({
  type: z.literal('Feature', { error: 'entité « Feature » attendue' }),
  properties: BoundaryProperties,
  geometry: z.discriminatedUnion('type', [Polygon, MultiPolygon], { error: 'géométrie Polygon ou MultiPolygon attendue' }),
});

/** Administrative boundaries (départements, régions): a FeatureCollection of Polygon/MultiPolygon. */
export const BoundaryCollection = z.object({
  type: z.literal('FeatureCollection', { error: 'FeatureCollection attendue' }),
  features: z.array(BoundaryFeature).min(1, 'aucune entité'),
});
export type BoundaryCollection = z.infer<typeof BoundaryCollection>;
export type BoundaryFeature = z.infer<typeof BoundaryFeature>;

/**
 * Validates a boundaries file. Pure: takes the file text. Unlike a CSV row, a bad feature is not
 * skipped: a half-drawn département would mislead, so any error rejects the file (`boundaries: null`)
 * and every problem is listed with its path, e.g. `features[2].geometry.coordinates[0]: anneau non fermé`.
 */
export function loadBoundaries(text: string, source: string): { boundaries: BoundaryCollection | null; issues: LoadIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { boundaries: null, issues: [loadIssue(source, null, null, `JSON invalide (${detail})`)] };
  }
  const parsed = BoundaryCollection.safeParse(json);
  if (parsed.success) return { boundaries: parsed.data, issues: [] };
  // A broken file can have thousands of bad positions: the first twenty say enough.
  const issues = parsed.error.issues.slice(0, 20).map((issue) => {
    const path = formatPath(issue.path);
    return loadIssue(source, null, null, path ? `${path} : ${issue.message}` : issue.message);
  });
  return { boundaries: null, issues };
}
