import type { Channel } from '../../shared/core/channels.js';
import type { ChainLink } from '../../shared/alert-chain/state.js';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { smsMaxLength } from '../../shared/notifications/message.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { messageFacts, messageTexts } from './view-model.js';

interface Props {
  state: RoomState;
  link: Pick<ChainLink, 'id' | 'from' | 'to'>;
  channels: readonly Channel[];
  message: string;
  sender: string;
  now: number;
}

/**
 * The exact subject and texts the outbox would send for this alert (shared/notifications/message.ts, the same
 * functions the server runs), with a placeholder for the acknowledgement link drawn per message.
 */
export function MessagePreview({ state, link, channels, message, sender, now }: Props) {
  const { t } = useT();
  const mail = channels.includes('mail');
  const sms = channels.includes('sms');
  if (!mail && !sms) return null;
  const exercise = state.room.mode === 'exercise';
  const facts = messageFacts(state, link, { text: message.trim() === '' ? '…' : message, sender, wallTime: now, exerciseTime: exerciseTimeAt(state.clock, now), exercise });
  const texts = messageTexts(facts);
  return (
    <details className="nt-preview" open data-testid={`alert-preview-${link.id}`}>
      <summary>{t('notifications.preview')}</summary>
      {mail && (
        <div>
          <h4>{t('notifications.preview.mail')}</h4>
          <p>
            <strong>{t('notifications.preview.subject')} :</strong> <span data-testid={`preview-subject-${link.id}`}>{texts.subject}</span>
          </p>
          <pre className="nt-text" data-testid={`preview-mail-${link.id}`}>
            {texts.mail}
          </pre>
        </div>
      )}
      {sms && (
        <div>
          <h4>{t('notifications.preview.sms', { length: texts.sms.length, max: smsMaxLength })}</h4>
          <pre className="nt-text" data-testid={`preview-sms-${link.id}`}>
            {texts.sms}
          </pre>
        </div>
      )}
    </details>
  );
}
