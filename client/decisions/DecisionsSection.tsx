import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { useState } from 'react';
import { actionStatuses } from '../../shared/decisions/labels.js';
import type { CrisisAction } from '../../shared/decisions/state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { tPlus } from '../app/time.js';
import { ActionCard } from './ActionCard.js';
import { ActionForm, DecisionForm } from './DecisionForm.js';
import { DecisionMeasuresPanel } from './MeasuresPanel.js';
import { isMine, matches, noFilter, sortActions, type ActionFilter } from './view-model.js';
import './decisions.css';

type View = 'mine' | 'status' | 'cell' | 'decisions';

function Filters({ filter, onChange, cells }: { filter: ActionFilter; onChange(f: ActionFilter): void; cells: SectionProps['state']['room']['cells'] }) {
  const { t } = useT();
  return (
    <div className="dec-filters">
      <ChoiceSelect
        label={t('decisions.filter.cell')}
        value={filter.cell}
        onChange={(cell) => onChange({ ...filter, cell })}
        choices={cellChoices(cells)}
        empty={t('decisions.filter.allCells')}
        testId="filter-cell"
      />
      <label>
        {t('decisions.filter.status')}
        <select data-testid="filter-status" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as ActionFilter['status'] })}>
          <option value="">{t('decisions.filter.allStatuses')}</option>
          <option value="open">{t('decisions.filter.open')}</option>
          {actionStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`decisions.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="dec-check">
        <input type="checkbox" data-testid="filter-overdue" checked={filter.overdueOnly} onChange={(e) => onChange({ ...filter, overdueOnly: e.target.checked })} />
        {t('decisions.filter.overdue')}
      </label>
    </div>
  );
}

function Column({ title, actions, testId }: { title: string; actions: CrisisAction[]; testId: string }) {
  const { t } = useT();
  return (
    <section className="dec-column" data-testid={testId}>
      <h3>
        {title} <span className="muted">({actions.length})</span>
      </h3>
      {actions.length === 0 ? <p className="muted small">{t('decisions.noAction')}</p> : actions.map((a) => <ActionCard key={a.id} action={a} />)}
    </section>
  );
}

function DecisionList({ state }: Pick<SectionProps, 'state'>) {
  const { t } = useT();
  const decisions = [...state.decisions.decisions].reverse();
  if (decisions.length === 0) return <p className="muted">{t('decisions.noDecision')}</p>;
  return (
    <ul className="dec-decisions">
      {decisions.map((d) => (
        <li key={d.id} className={`card${d.supersededBy ? ' dec-superseded' : ''}`} data-testid={`decision-${d.id}`}>
          <strong className="dec-decision-title">
            {d.id} — {d.title}
          </strong>
          {d.supersededBy && <span className="dec-badge"> {t('decisions.supersededBy', { id: d.supersededBy })}</span>}
          {d.supersedes && <span className="muted small"> · {t('decisions.supersedes', { id: d.supersedes })}</span>}
          <p className="small">{d.rationale}</p>
          <p className="muted small">
            {t('decisions.decidedBy', { time: tPlus(d.at.exerciseTime), name: d.by.name, cell: state.room.cells.find((c) => c.id === d.cell)?.label ?? d.cell ?? '—' })}
            {d.actionIds.length > 0 && ` · ${d.actionIds.join(', ')}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

/**
 * The « Décisions et actions » tab: record a decision with its actions, the list of decisions (superseded ones
 * struck, with their link), the board by status or by cell, « Mes actions », filters; overdue actions first.
 */
export function DecisionsSection(props: SectionProps) {
  const { t } = useT();
  const { state, me } = props;
  const readOnly = me.role === 'observer' || me.role === 'evaluator';
  const [view, setView] = useState<View>(readOnly || me.role === 'director' ? 'status' : 'mine');
  const [filter, setFilter] = useState<ActionFilter>(noFilter);
  const [form, setForm] = useState<'decision' | 'action' | null>(null);
  const shown = sortActions(state.decisions.actions.filter((a) => matches(a, filter) && (view !== 'mine' || isMine(a, me))));
  const views: View[] = readOnly ? ['status', 'cell', 'decisions'] : ['mine', 'status', 'cell', 'decisions'];

  return (
    <div className="decisions" data-testid="decisions">
      <div className="section-head">
        <h2>{t('section.decisions')}</h2>
        <div className="dec-views" role="tablist">
          {views.map((v) => (
            <button key={v} role="tab" aria-selected={view === v} className={view === v ? '' : 'secondary'} data-testid={`view-${v}`} onClick={() => setView(v)}>
              {t(`decisions.view.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {readOnly ? (
        <p className="muted small">{t('decisions.readOnly')}</p>
      ) : (
        <div className="dec-buttons">
          <button data-testid="new-decision" onClick={() => setForm(form === 'decision' ? null : 'decision')}>
            {t('decisions.new')}
          </button>
          <button className="secondary" data-testid="new-action" onClick={() => setForm(form === 'action' ? null : 'action')}>
            {t('decisions.newAction')}
          </button>
        </div>
      )}
      {form === 'decision' && <DecisionForm onDone={() => setForm(null)} />}
      {form === 'action' && <ActionForm onDone={() => setForm(null)} />}
      {view === 'decisions' ? (
        <>
          <DecisionList state={state} />
          <DecisionMeasuresPanel state={state} />
        </>
      ) : (
        <>
          <Filters filter={filter} onChange={setFilter} cells={state.room.cells} />
          {view === 'mine' && <Column title={t('decisions.view.mine')} actions={shown} testId="column-mine" />}
          {view === 'status' && (
            <div className="dec-board">
              {actionStatuses.map((s) => (
                <Column key={s} title={t(`decisions.status.${s}`)} actions={shown.filter((a) => a.status === s)} testId={`column-${s}`} />
              ))}
            </div>
          )}
          {view === 'cell' && (
            <div className="dec-board">
              {state.room.cells.map((c) => (
                <Column key={c.id} title={c.label} actions={shown.filter((a) => a.ownerCell === c.id)} testId={`column-cell-${c.id}`} />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
