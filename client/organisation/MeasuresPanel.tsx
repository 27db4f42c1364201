import { gridMeasureAt, type GridMeasureId } from '../../shared/exercise/grid-measures.js';
import { organisationMeasures } from '../../shared/organisation/measures.js';
import { tPlus } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';

/** The organisation's measures in the evaluation grid: the same definition as the RETEX report's (exercise time from T0). */
export function OrganisationMeasuresPanel({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  const m = organisationMeasures(state.organisation);
  return (
    <section className="card measures" data-testid="organisation-measures">
      <h3>{t('organisation.measures')}</h3>
      <p>{t('organisation.measures.line', { craps: tPlus(m.crapsActivatedAt), cod: tPlus(m.codOpenedAt), level: t(`organisation.level.${m.highestLevel}`) })}</p>
    </section>
  );
}

/** Under a grid criterion that names a measure: when the room reached it, on the exercise clock. */
export function GridMeasureLine({ state, measure }: Pick<SectionProps, 'state'> & { measure: GridMeasureId }) {
  const { t } = useT();
  const at = gridMeasureAt(state, measure);
  const label = t(`organisation.measure.${measure}`);
  return (
    <p className="muted small" data-testid={`grid-measure-${measure}`}>
      {at === null ? t('organisation.measure.none', { measure: label }) : t('organisation.measure.at', { measure: label, time: tPlus(at) })}
    </p>
  );
}
