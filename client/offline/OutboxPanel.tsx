import { findCommand } from '../../shared/domain.js';
import { parisTime } from '../app/time.js';
import { useT } from '../i18n/index.js';
import type { OutboxRecord } from './local-db.js';

interface OutboxPanelProps {
  records: readonly OutboxRecord[];
  online: boolean;
  drop(id: string): void;
}

/**
 * The commands this device keeps for its author (issue 15): each pending one (« en attente », sent in order on
 * reconnection; it may be withdrawn while offline), and each one the server refused on replay, with the
 * server's reason, until she has read it — nothing she did is dropped silently.
 */
export function OutboxPanel({ records, online, drop }: OutboxPanelProps) {
  const { t } = useT();
  if (records.length === 0) return null;
  return (
    <section className="outbox" aria-label={t('outbox.title')} data-testid="outbox">
      <h2>{t('outbox.title')}</h2>
      <ul>
        {records.map((record) => {
          const what = findCommand(record.type)?.description ?? record.type;
          return (
            <li key={record.id} className={`outbox-item outbox-${record.status}`} data-testid="outbox-item" data-status={record.status} data-type={record.type}>
              <span className="outbox-status">{t(record.status === 'pending' ? 'outbox.pending' : 'outbox.refused')}</span> <span>{what}</span>{' '}
              <span className="muted">{t('outbox.given', { time: parisTime(record.queuedAt) })}</span>
              {record.status === 'refused' && record.error && (
                <p role="alert" className="error" data-testid="outbox-reason">
                  {t('outbox.reason', { message: record.error.message })}
                </p>
              )}
              {(record.status === 'refused' || !online) && (
                <button className="link" onClick={() => drop(record.id)} data-testid="outbox-drop">
                  {t(record.status === 'refused' ? 'outbox.dismiss' : 'outbox.withdraw')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
