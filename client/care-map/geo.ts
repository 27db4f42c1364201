import L from 'leaflet';
import type { LatLon } from '../../shared/care-map/distance.js';

// The distances live in shared/ (the bascule targets are ordered there too); re-exported for the forms.
export { distanceKm, nearest } from '../../shared/care-map/distance.js';

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
