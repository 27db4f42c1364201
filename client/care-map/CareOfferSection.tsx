import { useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { CareMapView } from './CareMapView.js';
import { ImportIssues } from './ImportIssues.js';
import { StatusBoard } from './StatusBoard.js';
import { useMapConfig, useRegionData } from './useRegionData.js';

/**
 * The « Offre de soins » tab: the map and the status board side by side, sharing the selected
 * establishment. Everyone sees it live; the ARS cell and the director get the edit forms.
 */
export function CareOfferSection({ state, me, send, serverNow }: SectionProps) {
  const { t } = useT();
  const region = useRegionData(state.careMap.region);
  const config = useMapConfig();
  const [selected, setSelected] = useState<string | null>(null);

  if (state.careMap.region === null) return <p className="muted">{t('careMap.noRegion')}</p>;
  if (region.status === 'loading') return <p className="muted">{t('careMap.loading')}</p>;
  if (region.status === 'error')
    return (
      <p role="alert" className="error">
        {t('careMap.loadError', { message: region.message })}
      </p>
    );

  const common = { state, region: region.data, me, send, serverNow, selected, onSelect: setSelected };
  return (
    <div className="cm-section" data-testid="care-offer">
      <CareMapView {...common} tileUrl={config.tileUrl} tileAttribution={config.tileAttribution} />
      <div>
        <StatusBoard {...common} />
        <ImportIssues me={me} />
      </div>
    </div>
  );
}
