import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { cellLabel } from './inbox.js';
import { measureInbox, summarizeByCell } from '../../shared/exercise/stimulus-measures.js';
import { formatDelay, tPlus } from '../app/time.js';

/** Automatic measures: for each delivered stimulus and cell, time to acknowledge, to act (link or entry), to reply. */
export function MeasuresPanel({ props }: { props: SectionProps }) {
  const { t } = useT();
  const { exercise } = props.state;
  const measures = measureInbox(exercise);
  const summary = summarizeByCell(measures);
  return (
    <section className="card measures" data-testid="measures">
      <h3>{t('exercise.measures.title')}</h3>
      <p className="muted small">{t('exercise.measures.hint')}</p>
      {measures.length === 0 ? (
        <p className="muted">{t('exercise.measures.none')}</p>
      ) : (
        <>
          <div className="measure-summary">
            {summary.map((s) => (
              <div key={s.cell} className="measure-cell" data-testid={`measure-cell-${s.cell}`}>
                <strong>{cellLabel(props.state, s.cell)}</strong>
                <span>{t('exercise.measures.acked', { acked: s.acknowledged, total: s.delivered })}</span>
                <span>{t('exercise.measures.medianAck', { delay: formatDelay(s.medianAckDelay) })}</span>
                <span>{t('exercise.measures.linked', { linked: s.acted, total: s.delivered, delay: formatDelay(s.medianActionDelay) })}</span>
              </div>
            ))}
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('exercise.measures.stimulus')}</th>
                <th scope="col">{t('exercise.measures.cell')}</th>
                <th scope="col">{t('exercise.measures.sent')}</th>
                <th scope="col">{t('exercise.measures.toAck')}</th>
                <th scope="col">{t('exercise.measures.toLink')}</th>
                <th scope="col">{t('exercise.measures.toReply')}</th>
              </tr>
            </thead>
            <tbody>
              {measures.map((m) => (
                <tr key={`${m.stimulusId}-${m.cell}`} data-testid={`measure-${m.stimulusId}-${m.cell}`}>
                  <td>
                    {m.stimulusId} — {m.subject}
                  </td>
                  <td>{cellLabel(props.state, m.cell)}</td>
                  <td>{tPlus(m.injectedAt)}</td>
                  <td className={m.ackDelay === null ? 'warn-text' : ''}>{m.ackDelay === null ? t('exercise.measures.pending') : formatDelay(m.ackDelay)}</td>
                  <td>{formatDelay(m.actionDelay)}</td>
                  <td>{formatDelay(m.replyDelay)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
