import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { isMuted, playBeep, setMuted, unlockAudioOnGesture } from './beep.js';
import { awaitingAck } from './inbox.js';
import { dictGet } from '../../shared/core/dict.js';

/** A stimulus older than this when it reaches the page is catch-up after a reconnection, not news. */
const FRESH_MS = 60_000;

/**
 * Header badge of the stimuli inbox: how many stimuli wait for an acknowledgement, and, for players,
 * a beep when one arrives for their cell (with a mute switch). Lives in the header so that it keeps
 * counting and ringing whatever tab is open.
 */
export function InboxSummary(props: SectionProps) {
  const { t } = useT();
  const { exercise } = props.state;
  const { role, cell } = props.me;
  const { serverNow } = props;
  const [muted, setMutedState] = useState(isMuted);
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => (role === 'player' ? unlockAudioOnGesture() : undefined), [role]);

  useEffect(() => {
    const ids = exercise.inboxOrder;
    if (seen.current === null) {
      seen.current = new Set(ids);
      return;
    }
    const arrived = ids.filter((id) => !seen.current!.has(id));
    for (const id of arrived) seen.current.add(id);
    const forMe = arrived.some((id) => {
      const item = dictGet(exercise.inbox, id);
      return !!item && !!cell && item.recipients.includes(cell) && serverNow() - item.injectedWall < FRESH_MS;
    });
    if (role === 'player' && forMe) playBeep();
  }, [exercise.inboxOrder, exercise.inbox, cell, role, serverNow]);

  if (!exercise.scenario && exercise.inboxOrder.length === 0) return null;
  const waiting = awaitingAck(exercise, props.me).length;
  const toggle = () => {
    setMuted(!muted);
    setMutedState(!muted);
  };
  return (
    <div className="inbox-summary" data-testid="inbox-summary">
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
