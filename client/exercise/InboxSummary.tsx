import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { isMuted, playBeep, setMuted, unlockAudioOnGesture } from './beep.js';
import { awaitingAck } from './inbox.js';
import { dictGet } from '../../shared/core/dict.js';

/** A stimulus older than this when it reaches the page is catch-up after a reconnection, not news. */
const FRESH_MS = 60_000;

/** How many arrival notices stay on screen at once (the oldest give way). */
const MAX_TOASTS = 3;

/**
 * Header badge of the stimuli inbox: how many stimuli wait for an acknowledgement, and, for players,
 * a notice naming each stimulus that arrives for their cell (a polite live region, so screen readers say it too)
 * and a beep (with a mute switch). Lives in the header so that it keeps counting, showing and ringing whatever
 * tab is open.
 */
export function InboxSummary(props: SectionProps) {
  const { t } = useT();
  const { exercise } = props.state;
  const { role, cell } = props.me;
  const { serverNow } = props;
  const [muted, setMutedState] = useState(isMuted);
  const seen = useRef<Set<string> | null>(null);
  const [toasts, setToasts] = useState<string[]>([]);

  useEffect(() => (role === 'player' ? unlockAudioOnGesture() : undefined), [role]);

  useEffect(() => {
    const ids = exercise.inboxOrder;
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const arrived = ids.filter((id) => !seen.current!.has(id));
    for (const id of arrived) seen.current.add(id);
    const forMe = arrived.filter((id) => {
      const item = dictGet(exercise.inbox, id);
      return !!item && !!cell && item.recipients.includes(cell) && serverNow() - item.injectedWall < FRESH_MS;
    });
    if (role !== 'player' || forMe.length === 0) return;
    playBeep();
    setToasts((current) => [...current.filter((id) => !forMe.includes(id)), ...forMe].slice(-MAX_TOASTS));
  }, [exercise.inboxOrder, exercise.inbox, cell, role, serverNow]);

  if (!exercise.scenario && exercise.inboxOrder.length === 0) return null;
  const waiting = awaitingAck(exercise, props.me).length;
  const toggle = () => {
    setMuted(!muted);
    setMutedState(!muted);
  };
  const dismiss = (id: string) => setToasts((current) => current.filter((x) => x !== id));
  return (
    <div className="inbox-summary" data-testid="inbox-summary">
      {role === 'player' && (
        <div className="stimulus-toasts" role="status" aria-live="polite" data-testid="stimulus-toasts">
          {toasts.map((id) => {
            const item = dictGet(exercise.inbox, id);
            if (!item) return null;
            return (
              <div key={id} className="stimulus-toast" data-testid={`toast-${id}`}>
                <span>{t('exercise.toast.arrived', { sender: item.sender.label, subject: item.subject, channel: t(`exercise.channel.${item.channel}`) })}</span>
                <button type="button" className="link" onClick={() => dismiss(id)} aria-label={t('exercise.toast.dismissFor', { subject: item.subject })} data-testid={`toast-dismiss-${id}`}>
                  {t('exercise.toast.dismiss')}
                </button>
              </div>
            );
          })}
        </div>
      )}
      <span className={`inbox-badge ${waiting > 0 ? 'inbox-badge-alert' : ''}`} data-testid="inbox-badge" data-count={waiting} role="status" aria-live="polite">
        {t(role === 'player' ? 'exercise.summary.toAck' : 'exercise.summary.awaiting', { count: waiting })}
      </span>
      {role === 'player' && (
        <button type="button" className="link sound-toggle" aria-pressed={muted} onClick={toggle} data-testid="sound-toggle">
          {t(muted ? 'exercise.sound.off' : 'exercise.sound.on')}
        </button>
      )}
    </div>
  );
}
