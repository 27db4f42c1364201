import type { EntryView } from '../../shared/main-courante/doc.js';
import type { EntryThread } from '../../shared/main-courante/view.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { entryTime } from './format.js';
import { wallClock } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';

interface Props {
  threads: EntryThread[];
  state: RoomState;
  canWrite: boolean;
  onCorrect(entry: EntryView): void;
  onFlag(entry: EntryView): void;
}

/** The entries, newest first, each followed by its corrections: what was written is never hidden nor edited. */
export function EntryList({ threads, state, canWrite, onCorrect, onFlag }: Props) {
  const { t } = useT();
  if (threads.length === 0) return <p className="muted">{t('mc.empty')}</p>;
  return (
    <ol className="mc-list" data-testid="mc-list">
      {threads.map((thread) => (
        <li key={thread.entry.id} className="mc-thread">
          <EntryRow entry={thread.entry} state={state} canWrite={canWrite} onCorrect={onCorrect} onFlag={onFlag} />
          {thread.corrections.length > 0 && (
            <ol className="mc-corrections">
              {thread.corrections.map((c) => (
                <li key={c.id}>
                  <EntryRow entry={c} state={state} canWrite={canWrite} onCorrect={onCorrect} onFlag={onFlag} correction />
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}

function EntryRow({ entry, state, canWrite, onCorrect, onFlag, correction }: Omit<Props, 'threads'> & { entry: EntryView; correction?: boolean }) {
  const { t, lang } = useT();
  const cellLabel = entry.cell ? (state.room.cells.find((c) => c.id === entry.cell)?.label ?? entry.cell) : t(`role.${entry.role}`);
  const significant = entry.significant || entry.flaggedBy.length > 0;
  const stimulus = entry.links.stimulusId ? (dictGet(state.exercise.inbox, entry.links.stimulusId)?.subject ?? entry.links.stimulusId) : null;
  return (
    <article
      className={`mc-entry mc-type-${entry.type}${significant ? ' mc-significant' : ''}${entry.late ? ' mc-late' : ''}`}
      data-testid="mc-entry"
      data-entry-id={entry.id}
      data-late={entry.late}
      data-pending={entry.receipt === null}
    >
      <header>
        <time dateTime={new Date(entry.authoredAt).toISOString()} title={wallClock(entry.authoredAt, { lang, seconds: true })}>
          {entryTime(entry, lang)}
        </time>
        <span className="mc-type">{correction ? t('mc.entry.correction') : t(`mc.type.${entry.type}`)}</span>
        <span className="mc-author">
          {entry.author} — {cellLabel}
        </span>
        {significant && (
          <span className="mc-badge mc-badge-significant" title={entry.flaggedBy.length ? t('mc.entry.flaggedBy', { names: entry.flaggedBy.join(', ') }) : undefined}>
            ★ {t('mc.entry.significant')}
          </span>
        )}
        {entry.late && entry.receipt && <span className="mc-badge mc-badge-late">{t('mc.entry.late', { time: wallClock(entry.receipt.receivedAt, { lang, seconds: true }) })}</span>}
        {!entry.receipt && <span className="mc-badge mc-badge-pending">{t('mc.entry.pending')}</span>}
      </header>
      <p className="mc-text">{entry.text}</p>
      {(stimulus || entry.links.finess || entry.links.alertLinkId) && (
        <p className="mc-entry-links muted">
          {stimulus && <span>{t('labelled', { label: t('mc.link.stimulus'), value: stimulus })}</span>}
          {entry.links.finess && <span>FINESS {entry.links.finess}</span>}
          {entry.links.alertLinkId && <span>{t('labelled', { label: t('mc.link.alertLink'), value: entry.links.alertLinkId })}</span>}
        </p>
      )}
      {canWrite && (
        <div className="mc-entry-actions">
          <button type="button" className="link" onClick={() => onCorrect(entry)} data-testid="mc-correct">
            {t('mc.entry.correct')}
          </button>
          {!significant && (
            <button type="button" className="link" onClick={() => onFlag(entry)} data-testid="mc-flag">
              {t('mc.entry.flag')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
