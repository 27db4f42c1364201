import { useMemo } from 'react';
import { establishmentsWithFictional, regionalScope } from '../../shared/care-map/region.js';
import { regionalSummary } from '../../shared/care-map/selectors.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useRegionData } from './useRegionData.js';

/** The care offer in two figures for the room header, on every tab: EDs closed and Samu in bascule. */
export function CareOfferSummary({ state }: SectionProps) {
  const { t } = useT();
  const region = useRegionData(state.careMap.region);
  const fictional = state.careMap.fictionalSites;
  const scope = useMemo(() => (region.status === 'ready' ? regionalScope(establishmentsWithFictional(region.data, fictional)) : []), [region, fictional]);
  if (region.status !== 'ready') return null;
  const summary = regionalSummary(state, scope);
  return (
    <span className="cm-header-summary" data-testid="care-offer-summary">
      {t('careMap.header.summary', { closed: summary.urgencesFermees, bascules: summary.samuEnBascule })}
    </span>
  );
}
