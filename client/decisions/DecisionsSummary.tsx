import { openOverdueActions } from '../../shared/decisions/measures.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import './decisions.css';

/** The overdue actions in one line for the room header, on every page: « 2 actions en retard »; nothing when none. */
export function DecisionsSummary({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  const late = openOverdueActions(state.decisions).length;
  if (late === 0) return null;
  return (
    <span className="dec-summary dec-summary-late" data-testid="decisions-summary" data-late={late} title={t('decisions.summary.title')}>
      {t('decisions.summary', { count: late })}
    </span>
  );
}
