import { useState } from 'react';
import { Role } from '../../shared/core/roles.js';
import { describeBinding, IdentityBinding } from '../../shared/identity/binding.js';
import type { InvitationCreatedResponse, InvitationRequest } from '../../shared/room/rest.js';
import { fillInvitation } from '../../shared/exercise/scenario-kit.js';
import { useT } from '../i18n/index.js';
import type { SectionProps } from '../room/section.js';
import { api, roomPath } from '../app/api.js';
import { ChoiceSelect, cellChoices } from '../app/ChoiceSelect.js';
import { ActionError } from '../room/hooks/useCommand.js';
import { cellLabel } from './inbox.js';
import { bindingPlaceholder, inviteChoices, type InviteBy } from './invitation-kinds.js';

/** An invitation just created: its code (shown once) or, bound to an identity, none; the link and the text to send. */
export interface CreatedInvitation {
  code: string | null;
  binding: IdentityBinding | null;
  url: string;
  text: string;
  role: Role;
}

/**
 * The director's invitation form: role, cell, and how the invitation admits, among what the room's access policy
 * takes (a code; an e-mail address, a domain or a SIRET that a signed-in person's verified identity must match).
 */
export function InvitationForm({ props, onCreated }: { props: SectionProps; onCreated(created: CreatedInvitation): void }) {
  const { t, lang } = useT();
  const { state, me } = props;
  const choices = inviteChoices(state.room.access);
  const [role, setRole] = useState<Role>('player');
  const [cell, setCell] = useState(state.room.cells[0]?.id ?? '');
  const [by, setBy] = useState<InviteBy>(choices[0] ?? 'code');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(() => new Date().toLocaleDateString(lang === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long' }));
  const [error, setError] = useState<string | null>(null);
  const template = state.exercise.animator?.scenario.kit.communicationKit.invitationTemplate ?? null;

  const create = async () => {
    let binding: IdentityBinding | null = null;
    if (by !== 'code') {
      // Checked here with the server's own schema, which also normalises it (lower case, no spaces).
      const parsed = IdentityBinding.safeParse({ kind: by, value });
      if (!parsed.success) return setError(t('error.generic', { message: parsed.error.issues[0]?.message ?? '' }));
      binding = parsed.data;
    }
    try {
      const body: InvitationRequest = { role, ...(role === 'player' ? { cell } : {}), ...(label.trim() ? { label: label.trim() } : {}), ...(binding ? { identity: binding } : {}) };
      const result = await api.json<InvitationCreatedResponse>(roomPath(me.roomId, '/invitations'), { method: 'POST', session: me, body });
      const values = {
        nom: label.trim() || t('exercise.invite.defaultName'),
        role: t(`role.${role}`),
        cellule: role === 'player' ? cellLabel(state, cell) : '—',
        lien: result.url,
        titre: state.exercise.animator?.scenario.title ?? state.room.title,
        date,
      };
      const fallback = binding
        ? `${values.titre}\n${t('exercise.invite.signInText', { binding: describeBinding(binding, lang), url: result.url })}`
        : `${values.titre}\n${result.url}\n${result.code ?? ''}`;
      onCreated({ code: result.code, binding, url: result.url, role, text: template ? fillInvitation(template, values) : fallback });
      setLabel('');
      setValue('');
      setError(null);
    } catch (err) {
      setError(t('error.generic', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <>
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
        {choices.length > 1 && (
          <ChoiceSelect
            label={t('exercise.invite.by')}
            value={by}
            onChange={(v) => setBy(choices.find((c) => c === v) ?? 'code')}
            choices={choices.map((c) => ({ value: c, label: t(`exercise.invite.by.${c}`) }))}
            testId="invite-by"
          />
        )}
        {by !== 'code' && (
          <label>
            {t(`exercise.invite.value.${by}`)}
            <input
              type={by === 'email' ? 'email' : 'text'}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={bindingPlaceholder[by]}
              required
              maxLength={254}
              data-testid="invite-identity"
            />
          </label>
        )}
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
    </>
  );
}
