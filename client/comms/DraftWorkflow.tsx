import { useState } from 'react';
import type { Draft } from '../../shared/comms/draft.js';
import { writesSharedDocs } from '../../shared/comms/rules.js';
import { refusalFor } from '../room/room-context.js';
import { useT, type Translate } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { ActionError, useCommand } from '../room/hooks/useCommand.js';
import { ConfirmButton, type ConfirmText } from '../room/ConfirmDialog.js';

/**
 * The workflow buttons a participant may use on a draft right now (the server checks the same rules).
 * Validation sends the fingerprint of the sealed text shown above it: the server validates only that text.
 */
export function DraftWorkflow({ draft, props }: { draft: Draft; props: SectionProps }) {
  const { t } = useT();
  const [comments, setComments] = useState('');
  const command = useCommand(props.send);
  const writer = writesSharedDocs(props.me, props.state);
  const sealed = draft.sealed?.cycle === draft.cycle ? draft.sealed : null;
  const draftId = draft.id;
  // Exactly what the server would accept: for a joint product, a party cell that has not validated this text yet.
  const mayValidate = sealed !== null && refusalFor(props, 'comms.validate', { draftId, hash: sealed.hash }) === null;
  const mayReview = refusalFor(props, 'comms.requestChanges', { draftId, comments: '…' }) === null;
  const validateLabel = draft.joint && props.me.cell ? t('comms.joint.validateFor', { cell: t(`comms.joint.the.${props.me.cell}`) }) : t('comms.validate');

  return (
    <div className="draft-workflow">
      {writer && (draft.status === 'brouillon' || draft.status === 'a_reprendre') && (
        <button onClick={() => command.run('comms.submit', { draftId })} data-testid="draft-submit">
          {t('comms.submit')}
        </button>
      )}
      {mayValidate && sealed && (
        <button onClick={() => command.run('comms.validate', { draftId, hash: sealed.hash })} data-testid="draft-validate">
          {validateLabel}
        </button>
      )}
      {mayReview && sealed && (
        <>
          <form
            className="inline-form"
            onSubmit={async (e) => {
              e.preventDefault();
              if (await command.run('comms.requestChanges', { draftId, comments })) setComments('');
            }}
          >
            <label>
              {t('comms.comments')}
              <textarea value={comments} onChange={(e) => setComments(e.target.value)} rows={2} maxLength={4000} data-testid="draft-comments" />
            </label>
            <button type="submit" disabled={!comments.trim()} data-testid="draft-request-changes">
              {t('comms.requestChanges')}
            </button>
          </form>
        </>
      )}
      {writer && draft.status === 'valide' && (
        <ConfirmButton testId="draft-publish" text={() => publishText(t, draft, props.state.room.mode === 'exercise')} onConfirm={() => void command.run('comms.publish', { draftId })}>
          {props.state.room.mode === 'exercise' ? t('comms.publish.exercise') : t('comms.publish')}
        </ConfirmButton>
      )}
      {writer && (draft.status === 'valide' || draft.status === 'publie') && (
        <button className="link" onClick={() => command.run('comms.reopen', { draftId })} data-testid="draft-reopen">
          {t('comms.reopen')}
        </button>
      )}
      <ActionError error={command.error} />
    </div>
  );
}

/** What publishing does, said before it is done: which version goes out, and that a publication stays. */
function publishText(t: Translate, draft: Draft, exercise: boolean): ConfirmText {
  const version = draft.versions.at(-1);
  return {
    title: t('comms.publish.title', { title: draft.title }),
    lines: [t('comms.publish.what', { kind: t(`comms.kind.${draft.kind}`), number: version?.number ?? '—' }), ...(exercise ? [t('comms.publish.whatExercise')] : []), t('comms.publish.irreversible')],
    confirm: exercise ? t('comms.publish.exercise') : t('comms.publish'),
  };
}
