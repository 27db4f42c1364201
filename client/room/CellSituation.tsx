import { useT } from '../i18n/index.js';
import type { SectionProps } from './section.js';
import { awaitingAck, cellLabel } from '../exercise/inbox.js';
import { CareOfferSummary } from '../care-map/CareOfferSummary.js';
import { parisTime, tPlus } from '../app/time.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { lateLinksOfCell } from '../../shared/alert-chain/timing.js';
import { linkLabel } from '../../shared/alert-chain/state.js';
import { openOverdueActions } from '../../shared/decisions/measures.js';
import { informationMarks, verificationCounts } from '../../shared/main-courante/verification.js';

/** How many of the last significant main-courante entries the overview shows. */
const LAST_SIGNIFICANT = 5;

/**
 * A player's cell at a glance, on the overview: what waits for the cell (stimuli to acknowledge, its overdue
 * actions and late alert-chain links — late as the chain and the decisions define it —, its main-courante
 * informations still to verify), the care offer in two
 * figures, and the room's last significant events.
 */
export function CellSituation(props: SectionProps & { cell: string }) {
  const { t } = useT();
  const { state, cell, serverNow } = props;
  const now = exerciseTimeAt(state.clock, serverNow());
  const stimuli = awaitingAck(state.exercise, { role: 'player', cell });
  const actions = openOverdueActions(state.decisions).filter((a) => a.ownerCell === cell);
  const links = lateLinksOfCell(state.alertChain, cell, now);
  const significant = state.mainCourante.significant.slice(-LAST_SIGNIFICANT).reverse();
  const toVerify = verificationCounts(informationMarks(state.mainCourante.informations), cell).a_verifier;

  return (
    <section className="cell-situation" data-testid="cell-situation">
      <h3>{t('overview.situation', { cell: cellLabel(state, cell) })}</h3>
      <div data-testid="situation-stimuli">
        <h4>{t('overview.situation.stimuli', { count: stimuli.length })}</h4>
        {stimuli.length > 0 && (
          <ul>
            {stimuli.map((s) => (
              <li key={s.id}>{t('overview.situation.stimulus', { time: tPlus(s.injectedAt), sender: s.sender.label, subject: s.subject })}</li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="situation-late">
        <h4>{t('overview.situation.late', { count: actions.length + links.length })}</h4>
        {actions.length + links.length > 0 && (
          <ul>
            {actions.map((a) => (
              <li key={a.id}>{t('overview.situation.action', { id: a.id, title: a.title })}</li>
            ))}
            {links.map((l) => (
              <li key={l.id}>{t('overview.situation.link', { link: linkLabel(state.alertChain, l) })}</li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="situation-to-verify">
        <h4>{t('mc.toVerify', { count: toVerify })}</h4>
      </div>
      <div>
        <h4>{t('overview.situation.care')}</h4>
        <CareOfferSummary {...props} />
      </div>
      <div data-testid="situation-significant">
        <h4>{t('overview.situation.significant')}</h4>
        {significant.length === 0 ? (
          <p className="muted">{t('overview.situation.none')}</p>
        ) : (
          <ul>
            {significant.map((e) => (
              <li key={e.id}>{t('overview.situation.entry', { time: parisTime(e.authoredAt), author: e.author, text: e.text.slice(0, 200) })}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
