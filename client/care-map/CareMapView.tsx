import { useEffect, useMemo, useState } from 'react';
import { GeoJSON, MapContainer, Marker, TileLayer, useMap } from 'react-leaflet';
import type { GeoJsonObject } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { SectionProps } from '../room/section.js';
import type { SendOutcome } from '../offline/outbox-sender.js';
import type { RoomState } from '../../shared/room-state.js';
import type { Establishment } from '../../shared/care-map/establishment.js';
import { establishmentsWithFictional, type RegionData } from '../../shared/care-map/region.js';
import { activeDiversions, displayModeOf } from '../../shared/care-map/selectors.js';
import { filterEstablishments, kindsPresent, type MapFilter } from '../../shared/care-map/filters.js';
import { CareMode } from '../../shared/care-map/modes.js';
import { siteNames } from '../../shared/care-map/names.js';
import { useT } from '../i18n/index.js';
import { ClusterLayer } from './ClusterLayer.js';
import { EstablishmentCard } from './EstablishmentCard.js';
import { FlowArrows } from './FlowArrows.js';
import { Legend } from './Legend.js';
import { MapFilters } from './MapFilters.js';
import { SearchBox } from './SearchBox.js';
import { establishmentIcon } from './markers.js';
import './care-map.css';
import { dictGet, dictHas } from '../../shared/core/dict.js';

/** Props shared by the map and the status board. */
export interface CareOfferProps {
  state: RoomState;
  region: RegionData;
  me: SectionProps['me'];
  send(type: string, payload: unknown): Promise<SendOutcome>;
  /** The server's clock (the live room's, or the replay's): refusals and « fin prévue dépassée » are asked at it. */
  serverNow(): number;
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
  const { statuses, bascules, debordements, plansBlancs } = state.careMap;
  const ids = new Set<string>();
  for (const p of Object.values(plansBlancs)) ids.add(p.finess);
  for (const d of Object.values(debordements)) ids.add(d.samu).add(d.to);
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

/** Hands the Leaflet map to the view, for the « Vue régionale » button drawn outside the map's pane. */
function MapHandle({ onMap }: { onMap(map: L.Map): void }) {
  const map = useMap();
  useEffect(() => onMap(map), [map, onMap]);
  return null;
}

/**
 * The live map of the care offer: shipped boundaries (works offline), optional tiles, clustered
 * establishments, affected sites coloured by mode and shaped by kind, bascule and diversion arrows,
 * legend, search, filters by kind and status, a « Vue régionale » button that brings back the whole region
 * after zooming on a site, and the establishment card (with edit forms for the ARS cell and the director).
 * Names are the readable ones (`siteNames`); the card keeps the FINESS name.
 */
export function CareMapView(props: CareMapViewProps) {
  const { state, region, tileUrl, tileAttribution } = props;
  const [ownSelection, setOwnSelection] = useState<string | null>(null);
  const selected = props.selected !== undefined ? props.selected : ownSelection;
  const select = (finess: string | null) => (props.onSelect ? props.onSelect(finess) : setOwnSelection(finess));
  const [focus, setFocus] = useState<{ lat: number; lon: number; nonce: number } | null>(null);
  const { t } = useT();
  const [map, setMap] = useState<L.Map | null>(null);

  const establishments = useMemo(() => establishmentsWithFictional(region, state.careMap.fictionalSites), [region, state.careMap.fictionalSites]);
  const byFiness = useMemo(() => new Map(establishments.map((e) => [e.finess, e])), [establishments]);
  const names = useMemo(() => siteNames(establishments), [establishments]);
  const kinds = useMemo(() => kindsPresent(establishments), [establishments]);
  const regionBounds = useMemo(() => L.geoJSON(region.boundaries.departements as unknown as GeoJsonObject).getBounds(), [region]);
  const [filter, setFilter] = useState<MapFilter>(() => ({ kinds: new Set(kinds), modes: new Set(CareMode.options) }));
  const { statuses, plansBlancs } = state.careMap;
  const shown = useMemo(() => filterEstablishments(establishments, statuses, filter, selected, plansBlancs), [establishments, statuses, filter, selected, plansBlancs]);
  const shownIds = new Set(shown.map((e) => e.finess));
  const prominent = new Set([...prominentIds(state, establishments, selected)].filter((finess) => shownIds.has(finess)));
  const prominentKey = [...prominent].sort().join(',');
  const clustered = useMemo(
    () => shown.filter((e) => !prominent.has(e.finess)),
    // Keyed on the set's content, not its identity: the cluster layer is only diffed when a site moves in or out.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- prominentKey stands for prominent (see above)
    [shown, prominentKey],
  );
  const current = selected ? byFiness.get(selected) : undefined;

  return (
    <div className="cm-map-wrap" data-testid="care-map">
      <SearchBox
        establishments={establishments}
        names={names}
        onPick={(finess) => {
          const e = byFiness.get(finess);
          if (e) setFocus({ lat: e.lat, lon: e.lon, nonce: Date.now() });
          select(finess);
        }}
      />
      <div className="cm-tools">
        <button type="button" onClick={() => map?.fitBounds(regionBounds)} disabled={!map} title={t('careMap.regionViewHint')} data-testid="care-map-region-view">
          {t('careMap.regionView')}
        </button>
        <MapFilters kinds={kinds} filter={filter} onChange={setFilter} hidden={establishments.length - shown.length} />
      </div>
      <MapContainer center={region.center} zoom={region.zoom} className="cm-map" minZoom={5} maxZoom={17}>
        <MapHandle onMap={setMap} />
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
        <ClusterLayer establishments={clustered} names={names} onSelect={select} />
        {[...prominent].map((finess) => {
          const e = byFiness.get(finess);
          if (!e) return null;
          const mode = displayModeOf(dictGet(state.careMap.statuses, finess));
          const planBlanc = dictHas(plansBlancs, finess);
          return (
            <Marker
              key={finess}
              position={[e.lat, e.lon]}
              icon={establishmentIcon(finess, e.kind, mode, finess === selected, planBlanc)}
              zIndexOffset={finess === selected ? 1000 : 100 * ['normal', 'degrade', 'critique', 'arret'].indexOf(mode)}
              title={t('careMap.marker', { name: names.name(finess), mode: planBlanc ? `${t(`careMap.mode.${mode}`)}, ${t('careMap.planBlanc.marker')}` : t(`careMap.mode.${mode}`) })}
              eventHandlers={{ click: () => select(finess) }}
            />
          );
        })}
        <FlowArrows
          bascules={Object.values(state.careMap.bascules)}
          debordements={Object.values(state.careMap.debordements)}
          diversions={activeDiversions(state)}
          byFiness={byFiness}
          names={names}
          onSelect={select}
        />
        <FocusOn target={focus} />
      </MapContainer>
      <Legend />
      {current && <EstablishmentCard {...props} establishment={current} establishments={establishments} names={names} onClose={() => select(null)} />}
    </div>
  );
}
