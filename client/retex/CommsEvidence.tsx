import type { RetexReport } from '../../shared/retex/report.js';
import { useT } from '../i18n/index.js';
import { formatDelay, parisTime, tPlus } from '../app/time.js';

/**
 * Public communication in the RETEX: the joint products (each cell's validation, exercise time and Paris wall
 * time) and the rumours log with its rumeur → démenti delays.
 */
export function CommsEvidence({ report }: { report: RetexReport }) {
  const { t } = useT();
  const { jointProducts, rumours } = report.comms;
  return (
    <section className="retex-block" data-testid="retex-comms">
      <h3>{t('retex.comms')}</h3>
      <h4>{t('retex.comms.joint')}</h4>
      {jointProducts.length === 0 ? (
        <p className="muted">{t('retex.comms.noJoint')}</p>
      ) : (
        <ul>
          {jointProducts.map((p) => (
            <li key={`${p.draftId}/${p.number}`} data-testid="retex-joint-product">
              <strong>{p.title}</strong> — {t(`comms.kind.${p.kind}`)}, {t('retex.comms.version', { number: p.number })} — {t('retex.comms.validatedAt', { time: tPlus(p.validatedAt) })}
              <ul>
                {p.approvals.map((a) => (
                  <li key={a.cell}>
                    {t('retex.comms.approval', { cell: report.identity.cells.find((c) => c.id === a.cell)?.label ?? a.cell, name: a.by, exercise: tPlus(a.exerciseTime), wall: parisTime(a.wallTime) })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('retex.comms.rumours')}</h4>
      {rumours.length === 0 ? (
        <p className="muted">{t('retex.comms.noRumours')}</p>
      ) : (
        <table className="retex-table">
          <thead>
            <tr>
              <th>{t('retex.comms.rumour')}</th>
              <th>{t('retex.comms.seen')}</th>
              <th>{t('retex.comms.denied')}</th>
              <th>{t('retex.comms.delay')}</th>
            </tr>
          </thead>
          <tbody>
            {rumours.map((r) => (
              <tr key={r.id} className={r.delay === null ? 'late' : ''} data-testid="retex-rumour">
                <td>
                  {r.text}
                  <div className="muted">
                    {t(`exercise.channel.${r.channel}`)}
                    {r.source ? ` — ${r.source}` : ''}
                  </div>
                </td>
                <td>{t('retex.comms.at', { exercise: tPlus(r.seenExerciseTime), wall: parisTime(r.seenAt) })}</td>
                <td>
                  {r.deniedExerciseTime === null || r.deniedAt === null ? t('retex.comms.notDenied') : t('retex.comms.at', { exercise: tPlus(r.deniedExerciseTime), wall: parisTime(r.deniedAt) })}
                  {r.denial && <div className="muted">{r.denial}</div>}
                </td>
                <td>{formatDelay(r.delay)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
