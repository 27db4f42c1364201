import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { useState, type FormEvent } from 'react';
import type { ActionPriority } from '../../shared/decisions/state.js';
import { useT } from '../i18n/index.js';
import { useCommand } from '../room/hooks/useCommand.js';
import { useCan, useRoomProps } from '../room/room-context.js';
import { dueFromInput } from './view-model.js';

interface ActionRow {
  title: string;
  ownerCell: string;
  ownerName: string;
  due: string;
  priority: ActionPriority;
}

const priorities: ActionPriority[] = ['haute', 'normale', 'basse'];

/** One action's fields, for the decision form (several) and the free action form (one). */
function ActionFields({ row, onChange, index }: { row: ActionRow; onChange(row: ActionRow): void; index: number }) {
  const { t } = useT();
  const { state } = useRoomProps();
  const dueKey = state.room.mode === 'crisis' ? 'decisions.action.due.wall' : 'decisions.action.due.exercise';
  return (
    <fieldset className="dec-action-fields" data-testid={`action-row-${index}`}>
      <label>
        {t('decisions.action.title')}
        <input data-testid={`action-row-${index}-title`} value={row.title} onChange={(e) => onChange({ ...row, title: e.target.value })} required />
      </label>
      <ChoiceSelect
        label={t('decisions.action.owner')}
        value={row.ownerCell}
        onChange={(ownerCell) => onChange({ ...row, ownerCell })}
        choices={cellChoices(state.room.cells)}
        testId={`action-row-${index}-owner`}
      />
      <label>
        {t('decisions.action.ownerName')}
        <input value={row.ownerName} onChange={(e) => onChange({ ...row, ownerName: e.target.value })} />
      </label>
      <label>
        {t(dueKey)}
        <input data-testid={`action-row-${index}-due`} placeholder={state.room.mode === 'crisis' ? '14:00' : '30'} value={row.due} onChange={(e) => onChange({ ...row, due: e.target.value })} />
      </label>
      <label>
        {t('decisions.action.priority')}
        <select value={row.priority} onChange={(e) => onChange({ ...row, priority: e.target.value as ActionPriority })}>
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t(`decisions.priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

const blankRow = (ownerCell: string): ActionRow => ({ title: '', ownerCell, ownerName: '', due: '', priority: 'normale' });

/** The rows as the command's action drafts, or null when a due time does not read. */
function draftsOf(mode: 'exercise' | 'crisis', rows: readonly ActionRow[]) {
  const drafts = [];
  for (const r of rows) {
    const dueAt = dueFromInput(mode, r.due);
    if (dueAt === 'invalid') return null;
    drafts.push({ title: r.title, ownerCell: r.ownerCell, priority: r.priority, ...(r.ownerName.trim() ? { ownerName: r.ownerName.trim() } : {}), ...(dueAt === null ? {} : { dueAt }) });
  }
  return drafts;
}

/** Record a decision: title, rationale, (director) the deciding cell, the decision it supersedes, its actions. */
export function DecisionForm({ onDone }: { onDone(): void }) {
  const { t } = useT();
  const { state, me, send } = useRoomProps();
  const firstCell = me.cell ?? state.room.cells[0]?.id ?? '';
  const [title, setTitle] = useState('');
  const [rationale, setRationale] = useState('');
  const [cell, setCell] = useState(firstCell);
  const [supersedes, setSupersedes] = useState('');
  const [rows, setRows] = useState<ActionRow[]>([]);
  const { busy, error, setError, run } = useCommand(send);
  const refusal = useCan('decision.record');
  const replaceable = state.decisions.decisions.filter((d) => d.supersededBy === null && (me.role === 'director' || d.cell === me.cell));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const actions = draftsOf(state.room.mode, rows);
    if (!actions) return setError(t(`decisions.action.due.${state.room.mode === 'crisis' ? 'wall' : 'exercise'}`));
    const ok = await run('decision.record', { title, rationale, actions, ...(me.role === 'director' ? { cell } : {}), ...(supersedes ? { supersedes } : {}) });
    if (ok) onDone();
  };
  return (
    <form className="card dec-form" data-testid="decision-form" onSubmit={(e) => void submit(e)}>
      <label>
        {t('decisions.form.title')}
        <input data-testid="decision-title" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label>
        {t('decisions.form.rationale')}
        <textarea data-testid="decision-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} required rows={2} />
      </label>
      {me.role === 'director' && <ChoiceSelect label={t('decisions.form.cell')} value={cell} onChange={setCell} choices={cellChoices(state.room.cells)} />}
      {replaceable.length > 0 && (
        <label>
          {t('decisions.form.supersedes')}
          <select data-testid="decision-supersedes" value={supersedes} onChange={(e) => setSupersedes(e.target.value)}>
            <option value="">{t('decisions.form.none')}</option>
            {replaceable.map((d) => (
              <option key={d.id} value={d.id}>
                {d.id} — {d.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <h4>{t('decisions.form.actions')}</h4>
      {rows.map((row, i) => (
        <div key={i} className="dec-row">
          <ActionFields index={i} row={row} onChange={(r) => setRows(rows.map((x, j) => (j === i ? r : x)))} />
          <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('decisions.form.removeAction')}
          </button>
        </div>
      ))}
      {rows.length < 10 && (
        <button type="button" className="secondary" data-testid="decision-add-action" onClick={() => setRows([...rows, blankRow(firstCell)])}>
          {t('decisions.form.addAction')}
        </button>
      )}
      <div className="dec-buttons">
        <button type="submit" data-testid="decision-submit" disabled={busy || refusal !== null} title={refusal?.message}>
          {t('decisions.form.submit')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('decisions.form.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Create an action on its own (a stimulus, a link of the chain, or free). */
export function ActionForm({ onDone }: { onDone(): void }) {
  const { t } = useT();
  const { state, me, send } = useRoomProps();
  const [row, setRow] = useState<ActionRow>(() => blankRow(me.cell ?? state.room.cells[0]?.id ?? ''));
  const { busy, error, setError, run } = useCommand(send);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const [draft] = draftsOf(state.room.mode, [row]) ?? [];
    if (!draft) return setError(t(`decisions.action.due.${state.room.mode === 'crisis' ? 'wall' : 'exercise'}`));
    if (await run('action.create', { ...draft, source: { kind: 'libre' } })) onDone();
  };
  return (
    <form className="card dec-form" data-testid="action-form" onSubmit={(e) => void submit(e)}>
      <ActionFields index={0} row={row} onChange={setRow} />
      <div className="dec-buttons">
        <button type="submit" disabled={busy}>
          {t('decisions.action.create')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('decisions.form.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
