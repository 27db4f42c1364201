import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useMainCourante } from './useMainCourante.js';
import { verificationCounts } from '../../shared/main-courante/verification.js';
import { entryMarks } from '../../shared/main-courante/view.js';

/**
 * The main courante in one line of the room header, on every page. It also keeps the document connected
 * while the room page is open, so entries written offline wait in memory whatever tab is shown.
 */
export function MainCouranteSummary(props: SectionProps) {
  const { t } = useT();
  const mc = useMainCourante(props);
  const pending = mc.entries.filter((e) => e.receipt === null).length;
  const summary = props.state.mainCourante;
  const toVerify = verificationCounts(entryMarks(mc.entries)).a_verifier;
  return (
    <span className={`mc-summary${pending > 0 ? ' mc-summary-pending' : ''}`} data-testid="mc-summary">
      {t('mc.summary', { count: Math.max(summary.count, mc.entries.length), significant: summary.significant.length })}
      {toVerify > 0 && (
        <>
          {' · '}
          <span data-testid="mc-summary-to-verify">{t('mc.toVerify', { count: toVerify })}</span>
        </>
      )}
      {pending > 0 && <> · {t('mc.summary.pending', { count: pending })}</>}
    </span>
  );
}
