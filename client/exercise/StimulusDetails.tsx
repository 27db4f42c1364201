import type { StimulusCondition } from '../../shared/exercise/scenario-stimulus.js';
import type { ChronogrammeItem } from '../../shared/exercise/stimuli-state.js';
import { useT, type Translate } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { Markdown } from './Markdown.js';
import { StimulusTrace } from './InboxItemCard.js';
import { dictGet } from '../../shared/core/dict.js';
import { deadlineLabel } from '../../shared/core/clock-labels.js';
import { parseOffset } from '../../shared/exercise/scenario-offset.js';
import { simulatedStartOf } from '../app/time.js';
import { objectivesOf } from '../../shared/exercise/scenario-stimulus.js';

function describeCondition(t: Translate, condition: StimulusCondition): string {
  const match = condition.match
    ? ` (${Object.entries(condition.match)
        .map(([k, v]) => `${k} = ${String(v)}`)
        .join(', ')})`
    : '';
  return condition.kind === 'if_no_event'
    ? t('exercise.condition.ifNoEvent', { event: condition.eventType + match, by: condition.by })
    : t('exercise.condition.afterEvent', { event: condition.eventType + match, delay: condition.delay });
}

/** Everything the animation team knows about a row: content, condition, expected actions, notes. */
export function StimulusDetails({ item, props }: { item: ChronogrammeItem; props: SectionProps }) {
  const { t, lang } = useT();
  const s = item.stimulus;
  const objectives = props.state.exercise.animator?.scenario.objectives ?? [];
  const delivered = dictGet(props.state.exercise.inbox, s.id);
  return (
    <div className="stimulus-details" data-testid={`details-${s.id}`}>
      <div className="detail-meta muted small">
        {t(`exercise.type.${s.type}`)}
        {s.phase && ` · ${t('labelled', { label: t('exercise.console.phase'), value: s.phase })}`}
        {item.adHoc && ` · ${t('exercise.console.adHoc')}`}
        {s.careMapEffects?.length ? ` · ${t('exercise.console.effects', { count: s.careMapEffects.length })}` : ''}
      </div>
      <Markdown text={s.content} className="stimulus-content" headingBase={2} />
      {s.attachments?.length ? <p className="small">{t('exercise.console.attachments', { names: s.attachments.map((a) => a.name).join(', ') })}</p> : null}
      {s.condition && <p className="condition small">{describeCondition(t, s.condition)}</p>}
      {s.expectedActions.length > 0 && (
        <>
          <h4>{t('exercise.console.expected')}</h4>
          <ul className="expected-actions">
            {s.expectedActions.map((a) => (
              <li key={a.id}>
                <strong>{a.label}</strong>
                {a.deadline && <span className="chip">{deadlineLabel(parseOffset(a.deadline), simulatedStartOf(props.state), lang)}</span>}
                <div className="muted small">
                  {a.criterion} —{' '}
                  {objectivesOf(a)
                    .map((id) => objectives.find((o) => o.id === id)?.label ?? id)
                    .join(', ')}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {s.evaluationCriterion && (
        <p className="evaluation-criterion small" data-testid={`criterion-${s.id}`}>
          <strong>{t('exercise.console.evaluationCriterion')}</strong> {s.evaluationCriterion}
        </p>
      )}
      {s.animatorNotes && (
        <div className="animator-notes">
          <h4>{t('exercise.console.notes')}</h4>
          <Markdown text={s.animatorNotes} headingBase={2} />
        </div>
      )}
      {delivered && <StimulusTrace state={props.state} item={delivered} />}
    </div>
  );
}
