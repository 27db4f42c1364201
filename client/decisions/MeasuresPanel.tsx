import { decisionMeasures } from '../../shared/decisions/measures.js';
import { formatDelay } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';

/** Decisions and actions measures (the grid's and the RETEX's one definition): first decision, actions per cell. */
export function DecisionMeasuresPanel({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  const m = decisionMeasures(state);
  const label = (cell: string) => state.room.cells.find((c) => c.id === cell)?.label ?? cell;
  return (
    <section className="card measures" data-testid="decision-measures">
      <h3>{t('decisions.measures.title')}</h3>
      <p>{m.timeToFirstDecision === null ? t('decisions.measures.noFirst') : t('decisions.measures.first', { delay: formatDelay(m.timeToFirstDecision) })}</p>
      <table className="data-table">
        <thead>
          <tr>
            {(['cell', 'total', 'onTime', 'late', 'abandoned', 'open', 'openOverdue'] as const).map((k) => (
              <th key={k} scope="col">
                {t(`decisions.measures.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.byCell.map((c) => (
            <tr key={c.cell} data-testid={`decision-measure-${c.cell}`}>
              <td>{label(c.cell)}</td>
              <td>{c.total}</td>
              <td>{c.doneOnTime}</td>
              <td className={c.doneLate > 0 ? 'warn-text' : ''}>{c.doneLate}</td>
              <td>{c.abandoned}</td>
              <td>{c.open}</td>
              <td className={c.openOverdue > 0 ? 'warn-text' : ''}>{c.openOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
