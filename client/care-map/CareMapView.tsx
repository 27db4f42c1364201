import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, MapContainer, Marker, TileLayer, useMap } from 'react-leaflet';
import type { GeoJsonObject } from 'geojson';
import 'leaflet/dist/leaflet.css';
import type { Role } from '../../shared/core/roles.js';
import type { SendOutcome } from '../offline/outbox-sender.js';
import type { RoomState } from '../../shared/room-state.js';
import type { Establishment } from '../../shared/care-map/establishment.js';
import { establishmentsWithFictional, type RegionData } from '../../shared/care-map/region.js';
import { activeDiversions, displayModeOf } from '../../shared/care-map/selectors.js';
import { ClusterLayer } from './ClusterLayer.js';
import { EstablishmentCard } from './EstablishmentCard.js';
import { FlowArrows } from './FlowArrows.js';
import { Legend } from './Legend.js';
import { SearchBox } from './SearchBox.js';
import { establishmentIcon } from './markers.js';
import './care-map.css';
import { dictGet } from '../../shared/core/dict.js';

/** Props shared by the map and the status board. */
export interface CareOfferProps {
  state: RoomState;
  region: RegionData;
  me: { role: Role; cell?: string | undefined };
  send(type: string, payload: unknown): Promise<SendOutcome>;
  /** The establishment whose card is open; uncontrolled when absent. */
  selected?: string | null;
  onSelect?(finess: string | null): void;
}

export interface CareMapViewProps extends CareOfferProps {
  /** `MAP_TILE_URL` from `/api/config`: without it the map draws only the shipped boundaries (isolated network). */
  tileUrl?: string | null;
  tileAttribution?: string | null;
}

/** Which establishments to draw apart from the clusters: anything the crisis touches, and the region's Samu. */
function prominentIds(state: RoomState, establishments: readonly Establishment[], selected: string | null): Set<string> {
  const { statuses, bascules } = state.careMap;
  const ids = new Set<string>();
  for (const [finess, status] of Object.entries(statuses)) if (displayModeOf(status) !== 'normal') ids.add(finess);
  for (const b of Object.values(bascules)) ids.add(b.samu).add(b.to);
  for (const d of activeDiversions(state)) ids.add(d.from).add(d.to);
  for (const e of establishments) if (e.samu && e.layer !== 'national') ids.add(e.finess);
  if (selected) ids.add(selected);
  return ids;
}

/** Centres the map on an establishment picked in the search box. */
function FocusOn({ target }: { target: { lat: number; lon: number; nonce: number } | null }) {
  const map = useMap();
  useEffect(() => {
    if (target) map.setView([target.lat, target.lon], Math.max(map.getZoom(), 11));
  }, [map, target]);
  return null;
}

/**
 * The live map of the care offer: shipped boundaries (works offline), optional tiles, clustered
 * establishments, affected sites coloured by mode and shaped by kind, bascule and diversion arrows,
 * legend, search, and the establishment card (with edit forms for the ARS cell and the director).
 */
export function CareMapView(props: CareMapViewProps) {
  const { state, region, tileUrl, tileAttribution } = props;
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const selected = props.selected !== undefined ? props.selected : ownSelection;
  const select = (finess: string | null) => (props.onSelect ? props.onSelect(finess) : setOwnSelection(finess));
  const [focus, setFocus] = useState<{ lat: number; lon: number; nonce: number } | null>(null);

  const establishments = useMemo(() => establishmentsWithFictional(region, state.careMap.fictionalSites), [region, state.careMap.fictionalSites]);
  const byFiness = useMemo(() => new Map(establishments.map((e) => [e.finess, e])), [establishments]);
  const prominent = prominentIds(state, establishments, selected);
  const prominentKey = [...prominent].sort().join(',');
  const clustered = useMemo(
    () => establishments.filter((e) => !prominent.has(e.finess)),
    // Keyed on the set's content, not its identity: the cluster layer is only diffed when a site moves in or out.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- prominentKey stands for prominent (see above)
    [establishments, prominentKey],
  );
  const current = selected ? byFiness.get(selected) : undefined;

  return (
    <div className="cm-map-wrap" data-testid="care-map">
      <SearchBox
        establishments={establishments}
        onPick={(finess) => {
          const e = byFiness.get(finess);
          if (e) setFocus({ lat: e.lat, lon: e.lon, nonce: Date.now() });
          select(finess);
        }}
      />
      <MapContainer center={region.center} zoom={region.zoom} className="cm-map" minZoom={5} maxZoom={17}>
        {tileUrl && <TileLayer url={tileUrl} attribution={tileAttribution ?? ''} />}
        {region.boundaries.regions && (
          <GeoJSON
            data={region.boundaries.regions as unknown as GeoJsonObject}
            style={{ color: '#8a94a6', weight: 1, fillColor: '#f8f9fa', fillOpacity: tileUrl ? 0 : 0.8 }}
            interactive={false}
            attribution={region.attribution.join(' · ')}
          />
        )}
        <GeoJSON
          data={region.boundaries.departements as unknown as GeoJsonObject}
          style={{ color: '#1f4e9c', weight: 2, fillColor: '#ffffff', fillOpacity: tileUrl ? 0.05 : 0.9 }}
          onEachFeature={(feature, layer) => layer.bindTooltip(`${feature.properties?.nom ?? ''} (${feature.properties?.code ?? ''})`, { sticky: true })}
        />
        <ClusterLayer establishments={clustered} onSelect={select} />
        {[...prominent].map((finess) => {
          const e = byFiness.get(finess);
          if (!e) return null;
          const mode = displayModeOf(dictGet(state.careMap.statuses, finess));
          return (
            <Marker
              key={finess}
              position={[e.lat, e.lon]}
              icon={establishmentIcon(finess, e.kind, mode, finess === selected)}
              zIndexOffset={finess === selected ? 1000 : 100 * ['normal', 'degrade', 'critique', 'arret'].indexOf(mode)}
              title={e.nom}
              eventHandlers={{ click: () => select(finess) }}
            />
          );
        })}
        <FlowArrows bascules={Object.values(state.careMap.bascules)} diversions={activeDiversions(state)} byFiness={byFiness} onSelect={select} />
        <FocusOn target={focus} />
      </MapContainer>
      <Legend />
      {current && <EstablishmentCard {...props} establishment={current} establishments={establishments} byFiness={byFiness} onClose={() => select(null)} />}
    </div>
  );
}
