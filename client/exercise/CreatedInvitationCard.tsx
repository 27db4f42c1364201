import { describeBinding } from '../../shared/identity/binding.js';
import { useT } from '../i18n/index.js';
import type { CreatedInvitation } from './InvitationForm.js';
import { InvitationQr } from './InvitationQr.js';

/** Prints only the invitation text (the print stylesheet hides everything else while the class is set). */
function printInvitation(): void {
  document.body.classList.add('printing-invitation');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-invitation');
  }
}

/**
 * The invitation just created, to send: a code invitation's code (shown once, only its hash is kept) and its join
 * link; an identity invitation has no code, only the room's sign-in link, which it is safe to share.
 */
export function CreatedInvitationCard({ created }: { created: CreatedInvitation }) {
  const { t, lang } = useT();
  return (
    <div className="invitation-created" data-testid="invitation-created">
      {created.code !== null ? (
        <p>
          {t('exercise.invite.code')} <code data-testid="invitation-code">{created.code}</code> — {t('exercise.invite.once')}
        </p>
      ) : (
        <>
          <p>
            {t('exercise.invite.signInLink')}{' '}
            <a href={created.url} data-testid="invitation-url" target="_blank" rel="noreferrer">
              {created.url}
            </a>
          </p>
          {created.binding && <p className="muted small">{t('exercise.invite.signInHelp', { binding: describeBinding(created.binding, lang) })}</p>}
        </>
      )}
      <pre className="invitation-print" data-testid="invitation-text">
        {created.text}
      </pre>
      <InvitationQr key={created.code ?? created.url} url={created.url} role={created.role} />
      <div className="button-row">
        <button type="button" className="secondary" onClick={printInvitation}>
          {t('exercise.invite.print')}
        </button>
        <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(created.text)}>
          {t('exercise.invite.copy')}
        </button>
      </div>
    </div>
  );
}
