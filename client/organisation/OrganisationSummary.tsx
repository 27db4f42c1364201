import { roomMoment } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import './organisation.css';

/** The organisation in one line of the room header, on every tab: « ARS : Niveau 2 · CRAPS active depuis T+… · COD ouvert ». */
export function OrganisationSummary({ state }: Pick<SectionProps, 'state'>) {
  const { t, lang } = useT();
  const { mobilisation, craps, cod } = state.organisation;
  const since = craps.active && craps.changed ? roomMoment(state, craps.changed.at.exerciseTime, craps.changed.at.wallTime, { lang }) : null;
  return (
    <span className="org-summary" data-testid="organisation-summary" data-level={mobilisation.level} title={t('organisation.summary.title')}>
      <strong>{t('organisation.summary.level', { level: t(`organisation.level.${mobilisation.level}`) })}</strong>
      {since && <span data-testid="organisation-summary-craps"> · {t('organisation.summary.craps', { time: since })}</span>}
      <span data-testid="organisation-summary-cod"> · {t(cod.active ? 'organisation.summary.codOpen' : 'organisation.summary.codClosed')}</span>
    </span>
  );
}
