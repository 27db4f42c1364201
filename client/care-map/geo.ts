import L from 'leaflet';

type LatLon = { lat: number; lon: number };

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

/**
 * Where to put an arrowhead along `from → to` and which way it points on screen (degrees, clockwise
 * from east). Computed in Web Mercator pixels: the angle is the same at every zoom level.
 */
export function arrowHead(from: LatLon, to: LatLon, along = 0.6): { position: L.LatLng; angle: number } {
  const crs = L.CRS.EPSG3857;
  const a = crs.latLngToPoint(L.latLng(from.lat, from.lon), 0);
  const b = crs.latLngToPoint(L.latLng(to.lat, to.lon), 0);
  const point = L.point(a.x + (b.x - a.x) * along, a.y + (b.y - a.y) * along);
  return { position: crs.pointToLatLng(point, 0), angle: (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI };
}
