import { durationText } from '../../shared/core/durations.js';
import { formatExerciseTime } from '../../shared/exercise/clock.js';
import { editRefusal } from '../../shared/alert-chain/rules.js';
import { alertDeadlineAt } from '../../shared/alert-chain/timing.js';
import { usesFallback } from '../../shared/alert-chain/state.js';
import { useT } from '../i18n/index.js';
import { roomMoment } from '../app/time.js';
import type { SectionProps } from '../room/section.js';
import { LinkNotifications } from '../notifications/LinkNotifications.js';
import { PhonePanel } from '../notifications/PhonePanel.js';
import { LinkActions } from './LinkActions.js';
import { StageList } from './StageList.js';
import { findFact } from '../../shared/alert-chain/state.js';
import { triggerFact } from '../../shared/alert-chain/template.js';
import { timerText, type LinkView } from './view-model.js';

type Props = Pick<SectionProps, 'state' | 'me' | 'send'> & { view: LinkView; exerciseTime: number };

/** One link of the chain: its state and running timer, what happened on it, and the actions allowed here. */
export function LinkCard({ state, me, send, view, exerciseTime }: Props) {
  const { t, lang } = useT();
  const { link, phase, tone } = view;
  const status = t(`alertChain.status.${link.status}`);
  const canEdit = editRefusal(state, me) === null && link.alert === null;
  const deadline = alertDeadlineAt(state.alertChain, link);
  const byTelephone = (link.alert?.channels ?? link.channels ?? [link.channel]).includes('telephone');
  const duration = durationText(link.deadlineMinutes, lang);
  const fact = link.triggerAt === null ? triggerFact(link.trigger) : null;
  const deadlineText =
    fact !== null
      ? t('alertChain.deadline.fact', { duration, fact: findFact(state.alertChain, fact)?.label ?? fact })
      : t(`alertChain.deadline.${link.triggerAt === null && link.trigger === 'T0' ? 'T0' : 'upstream'}`, { duration });
  const alertLateBy = link.alert && deadline !== null && link.alert.exerciseTime > deadline ? link.alert.exerciseTime - deadline : null;
  return (
    <article className={`ac-card ac-tone-${tone}`} data-testid={`link-${link.id}`} data-status={link.status} data-late={phase.late ? 'true' : 'false'}>
      <header className="ac-card-head">
        <strong>
          {view.fromLabel} → {view.toLabel}
        </strong>
        <span className={`ac-badge ac-tone-${tone}`}>{phase.late && link.status !== 'accuse' ? `${status} · ${t('alertChain.status.late')}` : status}</span>
        <span className="ac-timer" data-testid={`timer-${link.id}`}>
          {timerText(t, link, phase, exerciseTime, state.clock.status === 'not_started', view.waitingForLabel)}
        </span>
      </header>
      <p className="muted ac-meta">
        {t('alertChain.deadline', { deadline: deadlineText })}
        {' · '}
        {t('alertChain.expectedChannel', { channel: t(`alertChain.channel.${link.channel}`) })}
        {link.fallbackChannel && (
          <span data-testid={`fallback-${link.id}`}>
            {' · '}
            {t('alertChain.fallbackChannel', { channel: t(`alertChain.channel.${link.fallbackChannel}`) })}
            {link.fallbackContact && ` (${link.fallbackContact})`}
          </span>
        )}
      </p>
      {link.alert && (
        <p className="ac-detail">
          {t('alertChain.alertedBy', {
            time: roomMoment(state, link.alert.exerciseTime, link.alert.wallTime, { lang }),
            name: link.alert.by.name,
            channel: link.alert.channels.map((c) => t(`alertChain.channel.${c}`)).join(' + '),
            message: link.alert.message,
          })}
          {usesFallback(link, link.alert.channels) && <strong data-testid={`on-fallback-${link.id}`}> {t('alertChain.alertedOnFallback')}</strong>}
          {link.alert.bascule && <span data-testid={`by-bascule-${link.id}`}> {t('alertChain.alertedByBascule')}</span>}
          {alertLateBy !== null && <strong className="ac-late-text"> {t('alertChain.alertedLate', { time: formatExerciseTime(alertLateBy) })}</strong>}
        </p>
      )}
      {link.acknowledgement && !link.acknowledgement.via && (
        <p className="ac-detail">
          {t('alertChain.acknowledgedBy', { time: roomMoment(state, link.acknowledgement.exerciseTime, link.acknowledgement.wallTime, { lang }), name: link.acknowledgement.by.name })}
        </p>
      )}
      <StageList state={state} send={send} link={link} exerciseTime={exerciseTime} />
      {link.escalatedFrom && <p className="ac-detail">{t('alertChain.escalatedFrom', { link: link.escalatedFrom })}</p>}
      {link.escalatedTo && <p className="ac-detail">{t('alertChain.escalatedTo', { link: link.escalatedTo })}</p>}
      {link.corrections.length > 0 && (
        <details className="ac-corrections">
          <summary>
            {t('alertChain.corrections')} ({link.corrections.length})
          </summary>
          <ul>
            {link.corrections.map((c, i) => (
              <li key={i}>
                {t('alertChain.correction', { time: roomMoment(state, c.exerciseTime, c.wallTime, { lang }), name: c.by.name, note: c.note })}
                {c.undo && ` ${t(`alertChain.correction.undo.${c.undo}`)}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <LinkNotifications state={state} link={link} />
      {link.status !== 'accuse' && <PhonePanel link={link} open={byTelephone} />}
      <LinkActions state={state} me={me} send={send} link={link} />
      {canEdit && (
        <button className="link ac-remove" data-testid={`remove-${link.id}`} onClick={() => void send('alertChain.editTemplate', { op: 'removeLink', linkId: link.id })}>
          {t('alertChain.edit.removeLink')}
        </button>
      )}
    </article>
  );
}
