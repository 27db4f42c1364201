import { Fragment } from 'react';
import { Marker, Polyline, Tooltip } from 'react-leaflet';
import type { Establishment } from '../../shared/care-map/establishment.js';
import type { SiteNames } from '../../shared/care-map/names.js';
import type { Bascule, Debordement, Diversion } from '../../shared/care-map/state.js';
import { useT } from '../i18n/index.js';
import { arrowHead } from './geo.js';
import { arrowIcon } from './markers.js';

export const flowColors = { bascule: '#6741d9', debordement: '#0c8599', diversion: '#e8590c', flagged: '#c92a2a' } as const;

interface Flow {
  key: string;
  testId: string;
  from: Establishment;
  to: Establishment;
  color: string;
  dashArray?: string;
  label: string;
  flags: string[];
}

export interface FlowArrowsProps {
  bascules: readonly Bascule[];
  debordements: readonly Debordement[];
  diversions: readonly Diversion[];
  byFiness: ReadonlyMap<string, Establishment>;
  names: SiteNames;
  onSelect(finess: string): void;
}

/** Arrows of the bascules du 15 (violet, dashed), the débordements (teal, dotted) and the délestages (orange; red when flagged). */
export function FlowArrows({ bascules, debordements, diversions, byFiness, names, onSelect }: FlowArrowsProps) {
  const { t } = useT();
  const flows: Flow[] = [];
  for (const b of bascules) {
    const from = byFiness.get(b.samu);
    const to = byFiness.get(b.to);
    if (!from || !to) continue;
    const label = `${t('careMap.legend.bascule')} : ${names.samu(b.samu)} → ${names.samu(b.to)}`;
    flows.push({ key: `b-${b.samu}`, testId: `bascule-${b.samu}-${b.to}`, from, to, color: flowColors.bascule, dashArray: '10 6', label, flags: b.flags });
  }
  for (const d of debordements) {
    const from = byFiness.get(d.samu);
    const to = byFiness.get(d.to);
    if (!from || !to) continue;
    const label = `${t('careMap.legend.debordement')} : ${names.samu(d.samu)} → ${names.samu(d.to)}`;
    flows.push({ key: `o-${d.samu}`, testId: `debordement-${d.samu}-${d.to}`, from, to, color: flowColors.debordement, dashArray: '2 6', label, flags: d.flags });
  }
  for (const d of diversions) {
    const from = byFiness.get(d.from);
    const to = byFiness.get(d.to);
    if (!from || !to) continue;
    const color = d.flags.length > 0 ? flowColors.flagged : flowColors.diversion;
    const label = `${t('careMap.legend.diversion')} (${d.patients}) : ${names.name(d.from)} → ${names.name(d.to)}`;
    flows.push({ key: `d-${d.id}`, testId: `diversion-${d.id}`, from, to, color, label, flags: d.flags });
  }
  return (
    <>
      {flows.map((f) => {
        const head = arrowHead(f.from, f.to);
        const warnings = f.flags.map((flag) => t(`careMap.flag.${flag}`)).join(' ; ');
        const title = warnings ? `${f.label} — ⚠ ${warnings}` : f.label;
        return (
          <Fragment key={f.key}>
            <Polyline
              positions={[
                [f.from.lat, f.from.lon],
                [f.to.lat, f.to.lon],
              ]}
              pathOptions={{ color: f.color, weight: 3, opacity: 0.9, dashArray: f.dashArray ?? '', className: 'cm-flow' }}
            >
              <Tooltip sticky>{title}</Tooltip>
            </Polyline>
            <Marker
              position={head.position}
              icon={arrowIcon(f.testId, head.angle, f.color, `data-flags="${f.flags.join(' ')}"`)}
              eventHandlers={{ click: () => onSelect(f.from.finess) }}
              title={title}
            />
          </Fragment>
        );
      })}
    </>
  );
}
