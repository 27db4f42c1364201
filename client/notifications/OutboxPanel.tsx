import { useState } from 'react';
import { exerciseBanner } from '../../shared/notifications/state.js';
import { useT } from '../i18n/index.js';
import { parisTime } from '../app/time.js';
import { refusalFor, useCan, useRoomProps } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { contactText, exerciseTimeText, notificationLine, outboxEntries, type OutboxEntry } from './view-model.js';
import './notifications.css';

/**
 * The director's outbox. In an exercise: the simulated outbox — every mail and SMS the room would have sent,
 * to whom and at which address, with its exact text, and « accuser réception » to play the actor — and the
 * switch of the real alert-chain test. In a real crisis: every outbound message and where it stands.
 */
export function OutboxPanel() {
  const { t } = useT();
  const { state } = useRoomProps();
  // Whoever keeps the directory (the director, by the permission matrix) watches what is sent to its contacts.
  const keepsDirectory = useCan('directory.saveContact') === null;
  const exercise = state.room.mode === 'exercise';
  if (!keepsDirectory) return null;
  const entries = outboxEntries(state, exercise);
  return (
    <section className="card nt-outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h3 id="outbox-title">{t(exercise ? 'notifications.outbox.simulated' : 'notifications.outbox.real')}</h3>
      {exercise && (
        <>
          <p className="muted">{t('notifications.outbox.simulatedHelp')}</p>
          <RealTestSwitch />
        </>
      )}
      {entries.length === 0 ? (
        <p className="muted">{t('notifications.outbox.empty')}</p>
      ) : (
        <div aria-live="polite">
          {entries.map((entry) => (
            <OutboxItem key={entry.notification.id} entry={entry} />
          ))}
        </div>
      )}
    </section>
  );
}

function OutboxItem({ entry }: { entry: OutboxEntry }) {
  const { t } = useT();
  const props = useRoomProps();
  const { busy, error, run } = useCommand(props.send);
  const n = entry.notification;
  const line = notificationLine(t, n);
  const ackRefusal = refusalFor(props, 'alertChain.acknowledge', { linkId: entry.linkId });
  return (
    <article className={`nt-outbox-item nt-tone-${line.tone}`} data-testid={`outbox-${n.id}`} data-status={n.status}>
      <p>
        <strong>
          {t(`notifications.channel.${n.channel}`)} — {entry.receiver}
        </strong>{' '}
        : <span className="nt-status">{line.statusText}</span>
        {line.reason && <span className="muted"> ({line.reason})</span>}
      </p>
      <p data-testid={`outbox-to-${n.id}`}>{t('notifications.outbox.to', { contact: contactText(t, n), address: entry.address ?? t('notifications.outbox.noAddress') })}</p>
      <p className="muted">{t('notifications.outbox.queuedAt', { wall: parisTime(n.queuedAt.wallTime), tplus: exerciseTimeText(t, n.queuedAt.exerciseTime, props.state.room.mode) })}</p>
      <details>
        <summary>{entry.subject ?? t('notifications.outbox.show')}</summary>
        <pre className="nt-text" data-testid={`outbox-text-${n.id}`}>
          {entry.subject ? `${t('notifications.preview.subject')} : ${entry.subject}\n\n${entry.text}` : entry.text}
        </pre>
      </details>
      {n.status === 'simulated' && (
        <button
          type="button"
          disabled={busy || ackRefusal !== null}
          title={ackRefusal?.message}
          data-testid={`outbox-ack-${n.id}`}
          onClick={() => void run('alertChain.acknowledge', { linkId: entry.linkId })}
        >
          {t('notifications.outbox.acknowledge')}
        </button>
      )}
      {line.acknowledged && <p className="nt-acknowledged">{line.acknowledged}</p>}
      <ActionError error={error} />
    </article>
  );
}

/** The real alert-chain test: turning it on asks for confirmation, since contacts then really receive messages. */
function RealTestSwitch() {
  const { t } = useT();
  const { state, send } = useRoomProps();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useCommand(send);
  const on = state.notifications.realTest;
  const refusal = useCan('notification.setRealTest', { enabled: !on });
  const taking = state.directory.contacts.filter((c) => c.exercise).length;
  const set = async (enabled: boolean) => {
    if (await run('notification.setRealTest', { enabled })) setConfirming(false);
  };
  return (
    <div className="nt-real-test" data-testid="real-test">
      <p>
        <strong>{t('notifications.realTest.label')}</strong> :{' '}
        <span className={on ? 'nt-banner-on' : ''} data-testid="real-test-state" data-on={on ? 'true' : 'false'}>
          {t(on ? 'notifications.realTest.on' : 'notifications.realTest.off')}
        </span>
      </p>
      <button
        type="button"
        className={on ? '' : 'secondary'}
        disabled={busy || refusal !== null}
        title={refusal?.message}
        data-testid="real-test-toggle"
        onClick={() => (on ? void set(false) : setConfirming(true))}
      >
        {t(on ? 'notifications.realTest.disable' : 'notifications.realTest.enable')}
      </button>
      {confirming && (
        <div className="nt-dialog card" role="alertdialog" aria-modal="false" aria-labelledby="real-test-title" aria-describedby="real-test-text" data-testid="real-test-dialog">
          <h4 id="real-test-title">{t('notifications.realTest.confirmTitle')}</h4>
          <p id="real-test-text">{t('notifications.realTest.confirmText', { count: taking, banner: exerciseBanner })}</p>
          <div className="ac-buttons">
            <button type="button" disabled={busy || refusal !== null} title={refusal?.message} data-testid="real-test-confirm" onClick={() => void set(true)}>
              {t('notifications.realTest.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('notifications.realTest.cancel')}
            </button>
          </div>
        </div>
      )}
      <ActionError error={error} />
    </div>
  );
}
