import { durationText } from '../../shared/core/durations.js';
import type { ChainLink } from '../../shared/alert-chain/state.js';
import { linkStages, type StageView } from '../../shared/alert-chain/timing.js';
import { useT } from '../i18n/index.js';
import { roomMoment, tPlus } from '../app/time.js';
import type { SectionProps } from '../room/section.js';
import { RowCommand } from './RowCommand.js';

type Props = Pick<SectionProps, 'state' | 'send'> & { link: ChainLink; exerciseTime: number };

/**
 * The stages of a staged link (NIS2: alerte précoce, notification, rapport final), each with its deadline on the
 * exercise clock and its status (tenu, en retard, manqué, à venir) from the shared rule; a button records a later stage.
 */
export function StageList({ state, send, link, exerciseTime }: Props) {
  const { t } = useT();
  if (!link.deadlines) return null;
  const stages = linkStages(state.alertChain, link, exerciseTime);
  return (
    <div className="ac-stages" data-testid={`stages-${link.id}`}>
      <strong>{t('alertChain.stages')}</strong>
      <ol>
        {stages.map((stage) => (
          <StageRow key={stage.id} state={state} send={send} link={link} stage={stage} />
        ))}
      </ol>
    </div>
  );
}

function StageRow({ state, send, link, stage }: Pick<Props, 'state' | 'send' | 'link'> & { stage: StageView }) {
  const { t, lang } = useT();
  const done = stage.index === 0 ? link.alert : (link.stages.find((s) => s.id === stage.id)?.done ?? null);
  return (
    <li data-testid={`stage-${link.id}-${stage.id}`} data-status={stage.status} className={`ac-stage ac-stage-${stage.status}`}>
      {stage.label} ({durationText(stage.minutes, lang)}){stage.index === 0 ? ` ${t('alertChain.stage.first')}` : ''} —{' '}
      {stage.deadlineAt === null ? t('alertChain.stage.deadlinePending') : t('alertChain.stage.deadline', { time: tPlus(stage.deadlineAt) })} ·{' '}
      <strong>{t(`alertChain.stage.status.${stage.status}`)}</strong>
      {done && <> · {t('alertChain.stage.done', { time: roomMoment(state, done.exerciseTime, done.wallTime, { lang }) })}</>}
      <RowCommand
        send={send}
        type="alertChain.completeStage"
        payload={{ linkId: link.id, stageId: stage.id }}
        label={t('alertChain.action.completeStage', { label: stage.label })}
        testId={`complete-${link.id}-${stage.id}`}
        // The first stage is the alert itself (« Alerter »); a later stage's button shows to whoever sends it.
        hidden={stage.index === 0 || done !== null}
      />
    </li>
  );
}
