import type { ChainLink } from '../../shared/alert-chain/state.js';
import { callsOfLink, notificationsOfLink } from '../../shared/notifications/state.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { ackViaText, callText, exerciseTimeText, notificationLine } from './view-model.js';
import './notifications.css';

/**
 * What left the room for one link, live: each mail and SMS with its contact and where it stands, the
 * acknowledgement through a message's link (and the contact's reply), the relay to the next contact, and the
 * calls recorded. Announced politely to screen readers as it changes.
 */
export function LinkNotifications({ state, link }: { state: RoomState; link: ChainLink }) {
  const { t } = useT();
  const lines = notificationsOfLink(state.notifications, link.id).map((n) => notificationLine(t, n));
  const via = ackViaText(t, state.notifications, link);
  const calls = callsOfLink(state.notifications, link.id);
  if (lines.length === 0 && !via && calls.length === 0 && link.relayedAt === null) return null;
  return (
    <div className="nt-link" aria-live="polite" data-testid={`notifications-${link.id}`}>
      {lines.length > 0 && (
        <ul className="nt-lines" aria-label={t('notifications.list')}>
          {lines.map((line) => (
            <li key={line.id} className={`nt-line nt-tone-${line.tone}`} data-testid={`notification-${line.id}`} data-status={line.status}>
              <span className="nt-label">{line.label}</span> : <span className="nt-status">{line.statusText}</span>
              {line.reason && <span className="muted"> ({line.reason})</span>}
              {line.acknowledged && <span className="nt-acknowledged"> — {line.acknowledged}</span>}
            </li>
          ))}
        </ul>
      )}
      {link.relayedAt !== null && <p className="ac-detail">{t('notifications.relayed', { time: exerciseTimeText(t, link.relayedAt, state.room.mode) })}</p>}
      {via && (
        <p className="ac-detail nt-via" data-testid={`ack-via-${link.id}`}>
          {via.text}
          {via.reply && <em> {via.reply}</em>}
        </p>
      )}
      {calls.length > 0 && (
        <details className="nt-calls">
          <summary>
            {t('notifications.phone.calls')} ({calls.length})
          </summary>
          <ul>
            {calls.map((c, i) => (
              <li key={i}>{callText(t, c)}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
