import { useState } from 'react';
import { observationKey } from '../../shared/exercise/stimuli-state.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { tPlus } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

/**
 * One tick of the grid: a criterion (`stimulusId` = 'grille') or an expected action (the stimulus carrying it
 * when the viewer knows it). `alsoKeys` are other keys the same observation may have been recorded under,
 * e.g. an evaluator ticked under 'grille' what the director sees under its stimulus. Ticking takes one click; the
 * comment is written afterwards (`evaluation.commentObservation`).
 */
export function ObserveTick({
  props,
  stimulusId,
  actionId,
  label,
  detail,
  alsoKeys = [],
}: {
  props: SectionProps;
  stimulusId: string;
  actionId: string;
  label: string;
  detail?: string | undefined;
  alsoKeys?: string[];
}) {
  const { t } = useT();
  const [comment, setComment] = useState<string | null>(null);
  const action = useCommand(props.send);
  const observed = props.state.exercise.evaluation.observed;
  const found = [observationKey(stimulusId, actionId), ...alsoKeys].map((k) => dictGet(observed, k)).find(Boolean);
  const testId = `tick-${stimulusId}-${actionId}`;
  return (
    <div className={`observe-tick ${found ? 'is-observed' : ''}`} data-testid={testId} data-observed={!!found}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={!!found}
          disabled={!!found || action.busy}
          onChange={() => action.run('evaluation.observeAction', { stimulusId, actionId, comment: '' })}
          data-testid={`${testId}-box`}
        />
        <span>
          <span className="tick-label">{label}</span>
          {detail && <span className="muted small tick-detail">{detail}</span>}
        </span>
      </label>
      {found && (
        <span className="muted small tick-done">
          {t('exercise.grid.observedBy', { by: found.by, time: tPlus(found.exerciseTime) })}
          {found.comment && ` — ${found.comment}`}{' '}
          {comment === null && (
            <button type="button" className="link tick-tools" onClick={() => setComment(found.comment)} data-testid={`${testId}-comment`}>
              {found.comment ? t('exercise.grid.editComment') : t('exercise.grid.addComment')}
            </button>
          )}{' '}
          <button
            type="button"
            className="link"
            disabled={action.busy}
            data-testid={`${testId}-retract`}
            onClick={() => action.run('evaluation.retractObservation', { stimulusId: found.stimulusId, actionId: found.actionId, reason: '' })}
          >
            {t('exercise.grid.retract')}
          </button>
        </span>
      )}
      {found && comment !== null && (
        // Commented after the tick (never before): the tick records when it was seen, the comment explains it later.
        <form
          className="tick-comment-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (await action.run('evaluation.commentObservation', { stimulusId: found.stimulusId, actionId: found.actionId, comment: comment.trim() })) setComment(null);
          }}
        >
          <textarea
            className="tick-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('exercise.grid.comment')}
            aria-label={t('exercise.grid.commentFor', { label })}
            maxLength={2000}
            rows={3}
            autoFocus
            data-testid={`${testId}-comment-text`}
          />
          <button type="submit" disabled={action.busy} data-testid={`${testId}-comment-save`}>
            {t('exercise.grid.commentSave')}
          </button>
        </form>
      )}
      <ActionError error={action.error} />
    </div>
  );
}
