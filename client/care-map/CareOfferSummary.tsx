import { useMemo } from 'react';
import { establishmentsWithFictional, regionalScope } from '../../shared/care-map/region.js';
import { regionalSummary } from '../../shared/care-map/selectors.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useRegionData } from './useRegionData.js';

/** The care offer in a few figures for the room header (every tab) and the cell overview: EDs closed, Samu in bascule or débordement, plans blancs. */
export function CareOfferSummary({ state }: SectionProps) {
  const { t } = useT();
  const region = useRegionData(state.careMap.region);
  const fictional = state.careMap.fictionalSites;
  const scope = useMemo(() => (region.status === 'ready' ? regionalScope(establishmentsWithFictional(region.data, fictional)) : []), [region, fictional]);
  if (region.status !== 'ready') return null;
  const summary = regionalSummary(state, scope);
  return (
    <span className="cm-header-summary" data-testid="care-offer-summary">
      {t('careMap.header.summary', { closed: summary.urgencesFermees, bascules: summary.samuEnBascule, debordements: summary.samuEnDebordement, plansBlancs: summary.plansBlancs })}
    </span>
  );
}
