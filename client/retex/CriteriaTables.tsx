import type { RetexReport } from '../../shared/retex/report.js';
import { useT } from '../i18n/index.js';
import { parisTime, tPlus } from '../app/time.js';

/**
 * The grid criterion by criterion, one table per objective: the evaluators' ticks on both clocks, whether the
 * deadline held (computed once, in shared/retex/deadline-status.ts) and every tick's comment with its author.
 * The same rows as the Markdown report; printing the page gives the PDF.
 */
export function CriteriaTables({ report }: { report: RetexReport }) {
  const { t } = useT();
  const { objectives, scale } = report.evaluation;
  if (!objectives.some((o) => o.criteria.length > 0)) return null;
  return (
    <section className="retex-block" data-testid="retex-criteria">
      <h3>{t('retex.criteria')}</h3>
      {objectives
        .filter((o) => o.criteria.length > 0)
        .map((o) => (
          <div key={o.id} className="retex-criteria-objective">
            <h4>
              {o.label} — {o.score === null ? t('retex.criteria.notScored') : t('retex.criteria.score', { score: `${o.score}/${scale?.max ?? '?'}` })}
            </h4>
            <table className="retex-table">
              <thead>
                <tr>
                  <th>{t('retex.criteria.criterion')}</th>
                  <th>{t('retex.criteria.deadline')}</th>
                  <th>{t('retex.criteria.ticks')}</th>
                  <th>{t('retex.criteria.status')}</th>
                  <th>{t('retex.criteria.comments')}</th>
                </tr>
              </thead>
              <tbody>
                {o.criteria.map((c) => (
                  <tr key={c.id} className={c.status === 'missed' ? 'late' : ''} data-testid={`retex-criterion-${c.id}`}>
                    <td>{c.label}</td>
                    <td>{tPlus(c.deadline)}</td>
                    <td>
                      {c.ticks.length === 0
                        ? '—'
                        : c.ticks.map((k, i) => (
                            <div key={i}>
                              {t('retex.criteria.tick', { exercise: tPlus(k.exerciseTime), wall: parisTime(k.wallTime), by: k.by })}
                              {k.action || k.afterFinex ? <span className="muted"> — {[k.action, k.afterFinex ? t('retex.criteria.afterFinex') : null].filter(Boolean).join(', ')}</span> : null}
                            </div>
                          ))}
                    </td>
                    <td data-testid={`retex-criterion-status-${c.id}`}>{t(`retex.criteria.status.${c.status}`)}</td>
                    <td>
                      {c.ticks
                        .filter((k) => k.comment)
                        .map((k, i) => (
                          <div key={i}>
                            {k.by} : {k.comment}
                          </div>
                        ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
