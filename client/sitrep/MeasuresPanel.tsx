import { sitrepMeasures } from '../../shared/sitrep/measures.js';
import { tPlus } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';

/** The points de situation's measures in the evaluation grid: the same definition as the RETEX report's. */
export function SitrepMeasuresPanel({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  const m = sitrepMeasures(state.sitrep);
  return (
    <section className="card measures" data-testid="sitrep-measures">
      <h3>{t('section.sitrep')}</h3>
      <p>{t('retex.sitrepCounts', { opened: m.opened, validated: m.validated, late: m.late, first: tPlus(m.firstValidatedAt) })}</p>
    </section>
  );
}
