/** A point in WGS84 degrees, as establishments carry it. */
export type LatLon = { lat: number; lon: number };

/** Great-circle distance in km: to offer the nearest Samu and hospitals first in the forms. */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

/** The `count` items nearest to `origin` (origin itself excluded by the caller). */
export function nearest<T extends LatLon>(origin: LatLon, items: readonly T[], count: number): T[] {
  return items
    .map((item) => ({ item, d: distanceKm(origin, item) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, count)
    .map((x) => x.item);
}
