import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { summarizeAlertChain } from '../../shared/alert-chain/timing.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useTick } from '../room/hooks/useTick.js';
import { undeliveredCount } from '../notifications/view-model.js';
import '../notifications/notifications.css';
import './alert-chain.css';

/** The chain in one line for the room header, on every page: "7/11 acteurs alertés, 2 en retard". */
export function AlertChainSummary({ state, serverNow }: Pick<SectionProps, 'state' | 'serverNow'>) {
  const { t } = useT();
  useTick();
  if (!state.alertChain.defined) return null;
  const summary = summarizeAlertChain(state.alertChain, exerciseTimeAt(state.clock, serverNow()));
  const undelivered = undeliveredCount(state);
  return (
    <>
      <span
        className={`ac-summary${summary.late > 0 ? ' ac-summary-late' : ''}`}
        data-testid="alert-chain-summary"
        data-alerted={summary.alerted}
        data-late={summary.late}
        title={t('alertChain.summary.title', { acknowledged: summary.acknowledged })}
      >
        {t('alertChain.summary', { alerted: summary.alerted, actors: summary.actors, late: summary.late })}
      </span>
      {undelivered > 0 && (
        <span className="nt-undelivered" role="status" data-testid="alert-chain-undelivered" title={t('notifications.undelivered.title')}>
          {t('notifications.undelivered', { count: undelivered })}
        </span>
      )}
    </>
  );
}
