import { useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { tPlus } from '../app/time.js';

/** Free observations of the evaluators, tied to an objective or general, newest first. */
export function ObservationsPanel({ props }: { props: SectionProps }) {
  const { t } = useT();
  const kit = props.state.exercise.observerKit!;
  const [text, setText] = useState('');
  const [objectiveId, setObjectiveId] = useState('');
  const action = useCommand(props.send);
  const observations = [...props.state.exercise.evaluation.observations].reverse();
  const objectiveLabel = (id: string | null) => (id ? (kit.objectives.find((o) => o.id === id)?.label ?? id) : t('exercise.obs.general'));
  return (
    <section className="card observations" data-testid="observations">
      <h3>{t('exercise.obs.title')}</h3>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (await action.run('evaluation.addObservation', { text: text.trim(), objectiveId: objectiveId || null })) setText('');
        }}
      >
        <label>
          {t('exercise.obs.objective')}
          <select value={objectiveId} onChange={(e) => setObjectiveId(e.target.value)} data-testid="obs-objective">
            <option value="">{t('exercise.obs.general')}</option>
            {kit.objectives.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('exercise.obs.text')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={20000} data-testid="obs-text" />
        </label>
        <button type="submit" disabled={action.busy || text.trim() === ''} data-testid="obs-add">
          {t('exercise.obs.add')}
        </button>
        <ActionError error={action.error} />
      </form>
      <ol className="observation-list">
        {observations.map((o, i) => (
          <li key={i}>
            <div className="muted small">
              <span className="chip">{objectiveLabel(o.objectiveId)}</span> {o.by} · {tPlus(o.exerciseTime)}
            </div>
            <p>{o.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
