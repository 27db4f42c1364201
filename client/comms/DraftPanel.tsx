import { draftDocName, draftFragmentName, isEditable, type Draft } from '../../shared/comms/draft.js';
import { writesSharedDocs } from '../../shared/comms/rules.js';
import { useT } from '../i18n/index.js';
import { TechnicalDetails } from './TechnicalDetails.js';
import type { SectionProps } from '../room/section.js';
import { useRoomDoc } from '../collab/useRoomDoc.js';
import { CollabStatus } from '../collab/CollabStatus.js';
import { wallTimeLabel } from '../app/time.js';
import { DraftWorkflow } from './DraftWorkflow.js';
import { JointStatus } from './JointStatus.js';
import { VersionHistory } from './VersionHistory.js';
import { LazyRichTextEditor } from '../collab-ui/LazyRichTextEditor.js';

/** One draft: its live text (editable while brouillon / à reprendre), the sealed text under review, reviews, versions. */
export function DraftPanel({ draft, props }: { draft: Draft; props: SectionProps }) {
  const { t, lang } = useT();
  const snapshot = useRoomDoc(props.me, draftDocName(draft.id));
  const editable = writesSharedDocs(props.me, props.state) && isEditable(draft.status);
  const sealed = draft.sealed?.cycle === draft.cycle ? draft.sealed : null;
  return (
    <article className="draft-panel" data-testid="draft-panel" data-status={draft.status}>
      <header className="draft-header">
        <h3>{draft.title}</h3>
        <span className="muted">{t(`comms.kind.${draft.kind}`)}</span>
        <span className={`draft-status draft-status-${draft.status}`} data-testid="draft-status">
          {t(`comms.status.${draft.status}`)}
        </span>
      </header>
      <CollabStatus snapshot={snapshot} offlineKey="comms.offline" connectingKey="comms.connecting" resyncedKey="comms.resynced" />
      {!editable && draft.status !== 'soumis' && <p className="muted">{isEditable(draft.status) ? t('comms.readOnly') : t('comms.frozen', { status: t(`comms.status.${draft.status}`) })}</p>}
      {/* Under review, the validator reads the sealed text alone (below): the same words shown twice was one too many. */}
      {snapshot && draft.status !== 'soumis' && (
        <LazyRichTextEditor
          snapshot={snapshot}
          me={props.me}
          field={draftFragmentName}
          editable={editable}
          label={t('comms.editorLabel')}
          testId="draft-editor"
          fallback={<p className="muted">{t('comms.connecting')}</p>}
        />
      )}
      {draft.status === 'soumis' && (
        <section className="draft-sealed" data-testid="draft-sealed">
          {sealed ? (
            <>
              <p className="muted">{t('comms.sealed')}</p>
              <pre className="draft-text">{sealed.text}</pre>
              <TechnicalDetails>{t('comms.version.hash', { hash: sealed.hash })}</TechnicalDetails>
            </>
          ) : (
            <p className="muted">{t('comms.sealing')}</p>
          )}
        </section>
      )}
      <JointStatus draft={draft} props={props} />
      <DraftWorkflow draft={draft} props={props} />
      {draft.reviews.length > 0 && (
        <section>
          <h4>{t('comms.reviews')}</h4>
          <ul className="draft-reviews">
            {draft.reviews.map((r, i) => (
              <li key={i}>
                <strong>{r.by.name}</strong> ({wallTimeLabel(r.at, { lang, seconds: true })}) : {r.comments}
              </li>
            ))}
          </ul>
        </section>
      )}
      <VersionHistory draft={draft} state={props.state} />
    </article>
  );
}
