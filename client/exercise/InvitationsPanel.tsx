import { useState } from 'react';
import { Role } from '../../shared/core/roles.js';
import { fillInvitation } from '../../shared/exercise/scenario-kit.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { cellLabel } from './inbox.js';
import { api, roomPath } from '../app/api.js';
import type { InvitationView, SessionView } from './access.js';
import { ActionError } from '../room/hooks/useCommand.js';
import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { InvitationQr } from './InvitationQr.js';

interface Created {
  code: string;
  url: string;
  text: string;
  role: Role;
}

/** Prints only the invitation text (the print stylesheet hides everything else while the class is set). */
function printInvitation(): void {
  document.body.classList.add('printing-invitation');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-invitation');
  }
}

type Props = { props: SectionProps; invitations: InvitationView[]; sessions: SessionView[]; onChanged(): void };

/** Creating, printing and revoking invitations (the codes are shown once: only their hashes are kept). */
export function InvitationsPanel({ props, invitations, sessions, onChanged }: Props) {
  const { t, lang } = useT();
  const { state, me } = props;
  const [role, setRole] = useState<Role>('player');
  const [cell, setCell] = useState(state.room.cells[0]?.id ?? '');
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(() => new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }));
  const [created, setCreated] = useState<Created | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mine = sessions.find((s) => s.id === me.sessionId)?.invitationId ?? null;
  const template = state.exercise.animator?.scenario.kit.communicationKit.invitationTemplate ?? null;

  const create = async () => {
    try {
      const body = { role, ...(role === 'player' ? { cell } : {}), ...(label.trim() ? { label: label.trim() } : {}) };
      const result = await api.json<{ id: string; code: string; url: string }>(roomPath(me.roomId, '/invitations'), { method: 'POST', session: me, body });
      const values = {
        nom: label.trim() || t('exercise.invite.defaultName'),
        role: t(`role.${role}`),
        cellule: role === 'player' ? cellLabel(state, cell) : '—',
        lien: result.url,
        titre: state.exercise.animator?.scenario.title ?? state.room.title,
        date,
      };
      setCreated({ code: result.code, url: result.url, role, text: template ? fillInvitation(template, values) : `${values.titre}\n${result.url}\n${result.code}` });
      setLabel('');
      setError(null);
      onChanged();
    } catch (err) {
      setError(t('error.generic', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

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
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label>
          {t('exercise.invite.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="invite-role">
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role === 'player' && <ChoiceSelect label={t('exercise.check.cell')} value={cell} onChange={setCell} choices={cellChoices(state.room.cells)} testId="invite-cell" />}
        <label>
          {t('exercise.invite.label')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={120} data-testid="invite-label" />
        </label>
        <label>
          {t('exercise.invite.date')}
          <input value={date} onChange={(e) => setDate(e.target.value)} maxLength={60} />
        </label>
        <button type="submit" data-testid="invite-create">
          {t('exercise.invite.create')}
        </button>
      </form>
      <ActionError error={error} />
      {created && (
        <div className="invitation-created" data-testid="invitation-created">
          <p>
            {t('exercise.invite.code')} <code data-testid="invitation-code">{created.code}</code> — {t('exercise.invite.once')}
          </p>
          <pre className="invitation-print" data-testid="invitation-text">
            {created.text}
          </pre>
          <InvitationQr key={created.code} url={created.url} role={created.role} />
          <div className="button-row">
            <button type="button" className="secondary" onClick={printInvitation}>
              {t('exercise.invite.print')}
            </button>
            <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(created.text)}>
              {t('exercise.invite.copy')}
            </button>
          </div>
        </div>
      )}
      <ul className="invitation-list">
        {invitations.map((inv) => {
          const used = sessions.filter((s) => s.invitationId === inv.id).length;
          return (
            <li key={inv.id} className={inv.revokedAt !== null ? 'is-revoked' : ''} data-testid={`invitation-${inv.id}`}>
              <span>
                {inv.cell ? cellLabel(state, inv.cell) : t(`role.${inv.role}`)}
                {inv.label ? ` — ${inv.label}` : ''}
              </span>
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
