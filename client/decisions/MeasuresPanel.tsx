import { decisionMeasures, type DecisionMeasures } from '../../shared/decisions/measures.js';
import type { Cell } from '../../shared/room/state.js';
import { formatDelay } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';

const columns = ['cell', 'total', 'onTime', 'late', 'abandoned', 'open', 'openOverdue'] as const;

/** The decisions and actions measures (one shared definition): first decision, then actions per owner cell. */
export function DecisionMeasuresTable({ measures: m, cells }: { measures: DecisionMeasures; cells: readonly Cell[] }) {
  const { t } = useT();
  const label = (cell: string) => cells.find((c) => c.id === cell)?.label ?? cell;
  return (
    <>
      <p>{m.timeToFirstDecision === null ? t('decisions.measures.noFirst') : t('decisions.measures.first', { delay: formatDelay(m.timeToFirstDecision) })}</p>
      <table className="data-table retex-table">
        <thead>
          <tr>
            {columns.map((k) => (
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
    </>
  );
}

/** The measures of the live room: on the board's « Décisions » view and in the evaluation grid. */
export function DecisionMeasuresPanel({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  return (
    <section className="card measures" data-testid="decision-measures">
      <h3>{t('decisions.measures.title')}</h3>
      <DecisionMeasuresTable measures={decisionMeasures(state)} cells={state.room.cells} />
    </section>
  );
}
