import { useState } from 'react';
import { CareMode } from '../../shared/care-map/modes.js';
import type { EstablishmentKind } from '../../shared/care-map/establishment.js';
import { useT } from '../i18n/index.js';
import { flowColors } from './FlowArrows.js';
import { modeBadgeSvg, modeColors, shapeSvg } from './markers.js';

const legendKinds: EstablishmentKind[] = ['samu', 'chu', 'hopital', 'clinique', 'ehpad', 'ssr'];

/** What colours, badges, shapes and arrows mean (each mode by its colour, its badge and its name). Folds away so it never hides the map on a small screen. */
export function Legend() {
  const { t } = useT();
  const [open, setOpen] = useState(true);
  return (
    <div className="cm-legend" data-testid="care-map-legend">
      <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('careMap.legend')}
      </button>
      {open && (
        <div className="cm-legend-body">
          <div>
            <strong>{t('careMap.legend.modes')}</strong>
            <ul>
              {CareMode.options.map((mode) => (
                <li key={mode}>
                  <span className="cm-swatch" style={{ background: modeColors[mode] }} />
                  <span className="cm-shape" dangerouslySetInnerHTML={{ __html: modeBadgeSvg(mode) }} /> {t(`careMap.mode.${mode}`)}
                </li>
              ))}
            </ul>
            <ul>
              <li>
                <span className="cm-line" style={{ borderTop: `3px dashed ${flowColors.bascule}` }} /> {t('careMap.legend.bascule')}
              </li>
              <li>
                <span className="cm-line" style={{ borderTop: `3px dotted ${flowColors.debordement}` }} /> {t('careMap.legend.debordement')}
              </li>
              <li>
                <span className="cm-pb-sign" aria-hidden="true">
                  PB
                </span>{' '}
                {t('careMap.planBlanc')}
              </li>
              <li>
                <span className="cm-line" style={{ borderTop: `3px solid ${flowColors.diversion}` }} /> {t('careMap.legend.diversion')}
              </li>
              <li>
                <span className="cm-line" style={{ borderTop: `3px solid ${flowColors.flagged}` }} /> {t('careMap.legend.flagged')}
              </li>
            </ul>
          </div>
          <div>
            <strong>{t('careMap.legend.kinds')}</strong>
            <ul>
              {legendKinds.map((kind) => (
                <li key={kind}>
                  <span className="cm-shape" dangerouslySetInnerHTML={{ __html: shapeSvg(kind, '#5d6675') }} /> {t(`careMap.kind.${kind}`)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
