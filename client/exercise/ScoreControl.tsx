import { useState } from 'react';
import type { Scale } from '../../shared/exercise/scenario-kit.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { tPlus } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

/** The score of one objective on the scenario's scale, with a comment; the last score given stands. */
export function ScoreControl({ props, objectiveId, scale }: { props: SectionProps; objectiveId: string; scale: Scale }) {
  const { t } = useT();
  const current = dictGet(props.state.exercise.evaluation.scores, objectiveId);
  const [score, setScore] = useState<number | null>(current?.score ?? null);
  const [comment, setComment] = useState(current?.comment ?? '');
  const action = useCommand(props.send);
  const values = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <form
      className="score-control"
      data-testid={`score-${objectiveId}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (score !== null) void action.run('evaluation.scoreObjective', { objectiveId, score, comment: comment.trim() });
      }}
    >
      <fieldset>
        <legend>{t('exercise.grid.score')}</legend>
        <div className="scale" role="radiogroup">
          {values.map((v, i) => (
            <label key={v} className={`scale-option ${score === v ? 'is-selected' : ''}`}>
              <input type="radio" name={`score-${objectiveId}`} checked={score === v} onChange={() => setScore(v)} data-testid={`score-${objectiveId}-${v}`} />
              <strong>{v}</strong> <span className="small">{scale.labels[i]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="score-justification">
        <label className="grow">
          {t('exercise.grid.scoreComment')}
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={4} data-testid={`score-${objectiveId}-comment`} />
        </label>
        <button type="submit" disabled={score === null || action.busy} data-testid={`score-${objectiveId}-save`}>
          {t('exercise.grid.scoreSave')}
        </button>
      </div>
      {current && (
        <p className="muted small" data-testid={`score-${objectiveId}-current`}>
          {t('exercise.grid.scored', { score: current.score, label: scale.labels[current.score - scale.min] ?? '', by: current.by, time: tPlus(current.exerciseTime) })}
        </p>
      )}
      <ActionError error={action.error} />
    </form>
  );
}
