import { useState } from 'react';
import { describeBinding } from '../../shared/identity/binding.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { cellLabel } from './inbox.js';
import { api, roomPath } from '../app/api.js';
import type { InvitationView, SessionView } from './access.js';
import { ActionError } from '../room/hooks/useCommand.js';
import { InvitationForm, type CreatedInvitation } from './InvitationForm.js';
import { CreatedInvitationCard } from './CreatedInvitationCard.js';

type Props = { props: SectionProps; invitations: InvitationView[]; sessions: SessionView[]; onChanged(): void };

/**
 * Creating, printing and revoking invitations: by code (shown once: only its hash is kept) where the room takes
 * codes, bound to an e-mail address, a domain or a SIRET where it takes verified identities.
 */
export function InvitationsPanel({ props, invitations, sessions, onChanged }: Props) {
  const { t, lang } = useT();
  const { state, me } = props;
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = sessions.find((s) => s.id === me.sessionId)?.invitationId ?? null;

  const revoke = async (id: string) => {
    try {
      await api.json(roomPath(me.roomId, `/invitations/${encodeURIComponent(id)}`), { method: 'DELETE', session: me });
      setConfirming(null);
      setError(null);
      onChanged();
    } catch (err) {
      setError(t('error.generic', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <div className="invitations" data-testid="invitations">
      <h4>{t('exercise.invite.title')}</h4>
      <InvitationForm
        props={props}
        onCreated={(c) => {
          setCreated(c);
          onChanged();
        }}
      />
      <ActionError error={error} />
      {created && <CreatedInvitationCard created={created} />}
      <ul className="invitation-list">
        {invitations.map((inv) => {
          const used = sessions.filter((s) => s.invitationId === inv.id).length;
          return (
            <li key={inv.id} className={inv.revokedAt !== null ? 'is-revoked' : ''} data-testid={`invitation-${inv.id}`}>
              <span>
                {inv.cell ? cellLabel(state, inv.cell) : t(`role.${inv.role}`)}
                {inv.label ? ` — ${inv.label}` : ''}
              </span>
              {/* The server labels an unlabelled identity invitation with its binding (in French): not said twice. */}
              {inv.identity && inv.label !== describeBinding(inv.identity) && (
                <span className="chip" data-testid={`invitation-binding-${inv.id}`}>
                  {describeBinding(inv.identity, lang)}
                </span>
              )}
              <span className="muted small">{t('exercise.invite.used', { count: used })}</span>
              {inv.revokedAt !== null ? (
                <span className="chip chip-off">{t('exercise.invite.revoked')}</span>
              ) : inv.id === mine ? (
                <span className="chip">{t('exercise.invite.yours')}</span>
              ) : confirming === inv.id ? (
                <>
                  <button type="button" className="danger small-button" onClick={() => void revoke(inv.id)} data-testid={`revoke-confirm-${inv.id}`}>
                    {t('exercise.invite.revokeYes', { count: used })}
                  </button>
                  <button type="button" className="secondary small-button" onClick={() => setConfirming(null)}>
                    {t('exercise.console.cancel')}
                  </button>
                </>
              ) : (
                <button type="button" className="secondary small-button danger-text" onClick={() => setConfirming(inv.id)} data-testid={`revoke-${inv.id}`}>
                  {t('exercise.invite.revoke')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
