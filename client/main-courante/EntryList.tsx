import type { EntryView } from '../../shared/main-courante/doc.js';
import type { EntryThread } from '../../shared/main-courante/view.js';
import type { RoomState } from '../../shared/room-state.js';
import { useT } from '../i18n/index.js';
import { entryTime } from './format.js';
import { simulatedStartOf, wallTimeLabel } from '../app/time.js';
import { dictGet } from '../../shared/core/dict.js';
import type { Viewer } from '../../shared/core/visibility.js';
import { correctionRefusal } from '../../shared/main-courante/correction.js';
import { verificationRefusal, verificationVerdicts, type VerificationVerdict } from '../../shared/main-courante/verification.js';

interface Props {
  threads: EntryThread[];
  state: RoomState;
  me: Viewer;
  canWrite: boolean;
  onCorrect(entry: EntryView): void;
  onFlag(entry: EntryView): void;
  onVerify(entry: EntryView, status: VerificationVerdict): void;
}

/**
 * The entries, newest first, each followed by its corrections: what was written is never hidden nor edited.
 * Each shows its number (n° 12, anchor `#mc-entry-<id>`) so it can be cited and pointed to.
 */
export function EntryList({ threads, state, me, canWrite, onCorrect, onFlag, onVerify }: Props) {
  const { t } = useT();
  if (threads.length === 0) return <p className="muted">{t('mc.empty')}</p>;
  return (
    <ol className="mc-list" data-testid="mc-list">
      {threads.map((thread) => (
        <li key={thread.entry.id} className="mc-thread">
          <EntryRow entry={thread.entry} state={state} me={me} canWrite={canWrite} onCorrect={onCorrect} onFlag={onFlag} onVerify={onVerify} />
          {thread.corrections.length > 0 && (
            <ol className="mc-corrections">
              {thread.corrections.map((c) => (
                <li key={c.id}>
                  <EntryRow entry={c} state={state} me={me} canWrite={canWrite} onCorrect={onCorrect} onFlag={onFlag} onVerify={onVerify} correction />
                </li>
              ))}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}

function EntryRow({ entry, state, me, canWrite, onCorrect, onFlag, onVerify, correction }: Omit<Props, 'threads'> & { entry: EntryView; correction?: boolean }) {
  const { t, lang } = useT();
  const cellLabel = entry.cell ? (state.room.cells.find((c) => c.id === entry.cell)?.label ?? entry.cell) : t(`role.${entry.role}`);
  const significant = entry.significant || entry.flaggedBy.length > 0;
  // The rule the server applies to the correction (shared/main-courante/correction.ts), its reason as tooltip.
  const correctionBlocked = correctionRefusal(state, me, entry);
  // Shown only when the server would accept the record (shared/main-courante/verification.ts).
  const verdicts = entry.verification ? verificationVerdicts.filter((v) => verificationRefusal(state, me, entry, entry.verification!.status, v) === null) : [];
  const stimulus = entry.links.stimulusId ? (dictGet(state.exercise.inbox, entry.links.stimulusId)?.subject ?? entry.links.stimulusId) : null;
  return (
    <article
      className={`mc-entry mc-type-${entry.type}${significant ? ' mc-significant' : ''}${entry.late ? ' mc-late' : ''}${entry.system ? ' mc-system' : ''}`}
      data-testid="mc-entry"
      id={`mc-entry-${entry.id}`}
      data-entry-id={entry.id}
      data-entry-n={entry.n}
      data-system={Boolean(entry.system)}
      data-late={entry.late}
      data-pending={entry.receipt === null}
    >
      <header>
        <a className="mc-number" href={`#mc-entry-${entry.id}`} title={t('mc.entry.number', { n: entry.n })} data-testid="mc-number">
          n° {entry.n}
        </a>
        <time dateTime={new Date(entry.authoredAt).toISOString()} title={wallTimeLabel(entry.authoredAt, { lang, seconds: true })}>
          {entryTime(entry, lang, simulatedStartOf(state))}
        </time>
        <span className="mc-type">{correction ? t('mc.entry.correction') : t(`mc.type.${entry.type}`)}</span>
        {entry.system && (
          <span className="mc-badge mc-badge-system" title={t('mc.entry.systemTitle')} data-testid="mc-system">
            {t('mc.entry.system')}
          </span>
        )}
        <span className="mc-author">
          {entry.author} — {cellLabel}
        </span>
        {significant && (
          <span className="mc-badge mc-badge-significant" title={entry.flaggedBy.length ? t('mc.entry.flaggedBy', { names: entry.flaggedBy.join(', ') }) : undefined}>
            ★ {t('mc.entry.significant')}
          </span>
        )}
        {entry.late && entry.receipt && <span className="mc-badge mc-badge-late">{t('mc.entry.late', { time: wallTimeLabel(entry.receipt.receivedAt, { lang, seconds: true }) })}</span>}
        {!entry.receipt && <span className="mc-badge mc-badge-pending">{t('mc.entry.pending')}</span>}
        {entry.verification && <VerificationBadge verification={entry.verification} state={state} />}
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
          <button type="button" className="link" onClick={() => onCorrect(entry)} disabled={correctionBlocked !== null} title={correctionBlocked?.message} data-testid="mc-correct">
            {t('mc.entry.correct')}
          </button>
          {!significant && (
            <button type="button" className="link" onClick={() => onFlag(entry)} data-testid="mc-flag">
              {t('mc.entry.flag')}
            </button>
          )}
          {verdicts.map((v) => (
            <button key={v} type="button" className="link" onClick={() => onVerify(entry, v)} data-testid={`mc-verify-${v}`}>
              {t(`mc.verify.${v}`)}
            </button>
          ))}
        </div>
      )}
    </article>
  );
}

/** « À vérifier », « Vérifiée », « Infirmée » in words (not colour only), with who set it and when (its clock) as title. */
function VerificationBadge({ verification, state }: { verification: NonNullable<EntryView['verification']>; state: RoomState }) {
  const { t, lang } = useT();
  const { status, by } = verification;
  const title = by
    ? t('mc.verification.by', { name: by.author, time: entryTime({ authoredAt: by.verifiedAt, authoredExerciseTime: by.verifiedExerciseTime }, lang, simulatedStartOf(state)) })
    : undefined;
  return (
    <span className={`mc-badge mc-badge-${status}`} title={title} data-testid="mc-verification" data-status={status}>
      {t(`mc.verification.${status}`)}
      {by && <span className="mc-verification-by"> {title}</span>}
    </span>
  );
}
