import type { RefusedRecord } from '../collab/doc-rescue.js';
import { useT } from '../i18n/index.js';
import { entryTime } from './format.js';
import { recordIdOf, type MainCouranteRecord } from './offline-rescue.js';

interface Props {
  refused: ReadonlyArray<RefusedRecord<MainCouranteRecord>>;
  onResend(item: RefusedRecord<MainCouranteRecord>): void;
  onDismiss(item: RefusedRecord<MainCouranteRecord>): void;
}

/**
 * What the server refused of ours, each with its text and the server's reason: the main courante was reloaded
 * without them, and their author decides — send again as is, or dismiss (after copying the text if need be).
 */
export function RefusedRecords({ refused, onResend, onDismiss }: Props) {
  const { t } = useT();
  if (refused.length === 0) return null;
  return (
    <section className="mc-refused" role="alert" data-testid="mc-refused">
      <h3>{t('collab.refused.title')}</h3>
      <ul>
        {refused.map((item) => {
          const { record } = item;
          const key = recordIdOf(record);
          return (
            <li key={key} data-testid="mc-refused-record">
              {record.kind === 'entry' ? (
                <p className="mc-text">
                  <strong>{entryTime(record.entry)}</strong> {t(`mc.type.${record.entry.type}`)} — {record.entry.text}
                </p>
              ) : record.kind === 'flag' ? (
                <p className="mc-text">{t('mc.refused.flag')}</p>
              ) : (
                <p className="mc-text">{t(`mc.refused.${record.verification.status}`)}</p>
              )}
              <p className="muted">{item.reason}</p>
              <div className="mc-entry-actions">
                <button type="button" onClick={() => onResend(item)} data-testid="mc-refused-resend">
                  {t('collab.refused.resend')}
                </button>
                <button type="button" onClick={() => onDismiss(item)}>
                  {t('collab.refused.dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
