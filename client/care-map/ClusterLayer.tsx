import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import L from 'leaflet';
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import type { Establishment } from '../../shared/care-map/establishment.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import { establishmentIcon } from './markers.js';

export interface ClusterLayerProps {
  /** Establishments to cluster: those with nothing to report (affected sites are drawn apart, never hidden). */
  establishments: readonly Establishment[];
  names: SiteNames;
  onSelect(finess: string): void;
}

/**
 * The clustered layer, driven imperatively (react-leaflet has no markercluster component). Markers are
 * diffed by FINESS so a status change moves one marker in or out instead of rebuilding ~900 of them.
 */
export function ClusterLayer({ establishments, names, onSelect }: ClusterLayerProps) {
  const map = useMap();
  const group = useRef<L.MarkerClusterGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const layer = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, disableClusteringAtZoom: 12 });
    group.current = layer;
    map.addLayer(layer);
    const current = markers.current;
    return () => {
      map.removeLayer(layer);
      group.current = null;
      current.clear();
    };
  }, [map]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    const wanted = new Map(establishments.map((e) => [e.finess, e]));
    const stale: L.Marker[] = [];
    for (const [finess, marker] of markers.current) {
      if (!wanted.has(finess)) {
        stale.push(marker);
        markers.current.delete(finess);
      }
    }
    const fresh: L.Marker[] = [];
    for (const e of establishments) {
      if (markers.current.has(e.finess)) continue;
      const marker = L.marker([e.lat, e.lon], { icon: establishmentIcon(e.finess, e.kind, 'normal', false), title: names.name(e.finess), keyboard: false });
      marker.on('click', () => select.current(e.finess));
      markers.current.set(e.finess, marker);
      fresh.push(marker);
    }
    if (stale.length > 0) layer.removeLayers(stale);
    if (fresh.length > 0) layer.addLayers(fresh);
  }, [establishments, names]);

  return null;
}
