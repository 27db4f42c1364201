import { useState } from 'react';
import { recipientLabels, sitrepTitle, timeSaid } from '../../shared/sitrep/format.js';
import { SitrepRecipient, sitrepDocName, sitrepFragmentName, type SitrepPoint } from '../../shared/sitrep/state.js';
import { writesSitrep } from '../../shared/sitrep/rules.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { useRoomDoc } from '../collab/useRoomDoc.js';
import { CollabStatus } from '../collab/CollabStatus.js';
import { LazyRichTextEditor } from '../collab-ui/LazyRichTextEditor.js';
import { api, roomPath } from '../app/api.js';
import { refusalFor } from '../room/room-context.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { SitrepTables } from './SitrepTables.js';

/** One point: title, status, the co-edited summary (or its frozen text), the snapshot, the workflow and exports. */
export function SitrepPanel({ point, props }: { point: SitrepPoint; props: SectionProps }) {
  const { t } = useT();
  const { me, state } = props;
  const snapshot = useRoomDoc(me, sitrepDocName(point.n));
  const command = useCommand(props.send);
  const [reason, setReason] = useState('');
  const [to, setTo] = useState<SitrepRecipient>('cod');
  const [error, setError] = useState<string | null>(null);
  const editable = writesSitrep(me) && point.status === 'brouillon';
  const n = point.n;
  const can = (type: string, payload: unknown) => refusalFor(props, type, payload) === null;
  const exportMd = () => api.download(roomPath(me.roomId, `sitreps/${n}.md`), { session: me, fallbackName: `point-de-situation-${n}.md` }).catch((e: Error) => setError(e.message));

  return (
    <article className="sitrep-panel" data-testid="sitrep-panel" data-status={point.status}>
      <header className="sitrep-head">
        <h3 data-testid="sitrep-title">{sitrepTitle(state.room.mode, point)}</h3>
        <span className={`sitrep-status sitrep-status-${point.status}`} data-testid="sitrep-status">
          {t(`sitrep.status.${point.status}`)}
        </span>
        <p className="muted">{t('sitrep.builtAt', { time: timeSaid(state.room.mode, point.snapshot.builtAt) })}</p>
        {point.sentTo.map((s) => (
          <p key={s.to} className="muted">
            {t('sitrep.sentTo', { to: recipientLabels[s.to] })}
          </p>
        ))}
      </header>
      <section className="sitrep-summary-text">
        <h4>{t('sitrep.summary')}</h4>
        {point.frozen ? (
          <>
            <pre className="sitrep-frozen" data-testid="sitrep-frozen">
              {point.frozen.text || '—'}
            </pre>
            <p className="muted small">{t('sitrep.frozenText', { hash: point.frozen.hash })}</p>
          </>
        ) : (
          <>
            <CollabStatus snapshot={snapshot} offlineKey="comms.offline" connectingKey="comms.connecting" resyncedKey="comms.resynced" />
            {!editable && <p className="muted no-print">{t('sitrep.readOnly')}</p>}
            {snapshot && (
              <LazyRichTextEditor
                snapshot={snapshot}
                me={me}
                field={sitrepFragmentName}
                editable={editable}
                label={t('sitrep.editorLabel')}
                testId="sitrep-editor"
                fallback={<p className="muted">{t('sitrep.connecting')}</p>}
              />
            )}
          </>
        )}
      </section>
      <div className="sitrep-workflow no-print">
        {can('sitrep.submit', { n }) && (
          <button onClick={() => command.run('sitrep.submit', { n })} data-testid="sitrep-submit">
            {t('sitrep.submit')}
          </button>
        )}
        {can('sitrep.validate', { n }) && (
          <button onClick={() => command.run('sitrep.validate', { n })} data-testid="sitrep-validate">
            {t('sitrep.validate')}
          </button>
        )}
        {point.status === 'soumis' && can('sitrep.reject', { n, reason: 'x' }) && (
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await command.run('sitrep.reject', { n, reason })) setReason('');
            }}
          >
            <label>
              {t('sitrep.reason')}
              <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={4000} data-testid="sitrep-reason" />
            </label>
            <button type="submit" disabled={!reason.trim()} data-testid="sitrep-reject">
              {t('sitrep.reject')}
            </button>
          </form>
        )}
        {state.room.mode === 'exercise' && can('sitrep.sendToAnimation', { n, to }) && (
          <span className="inline-form">
            <select value={to} onChange={(e) => setTo(SitrepRecipient.parse(e.target.value))} data-testid="sitrep-send-to">
              {SitrepRecipient.options.map((r) => (
                <option key={r} value={r}>
                  {recipientLabels[r]}
                </option>
              ))}
            </select>
            <button onClick={() => command.run('sitrep.sendToAnimation', { n, to })} data-testid="sitrep-send">
              {t('sitrep.send')}
            </button>
          </span>
        )}
        <button onClick={() => void exportMd()} data-testid="sitrep-markdown">
          {t('sitrep.markdown')}
        </button>
        <button onClick={() => print()} data-testid="sitrep-print">
          {t('sitrep.print')}
        </button>
        <ActionError error={command.error ?? error} />
      </div>
      <SitrepTables point={point} props={props} />
    </article>
  );
}
