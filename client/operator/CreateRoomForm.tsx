import { useState, type FormEvent } from 'react';
import { acceptsIdentities, defaultRoomAccess, RoomAccess } from '../../shared/identity/access-policy.js';
import type { CreateRoomRequest, CreateRoomResponse } from '../../shared/room/rest.js';
import { api } from '../app/api.js';
import { ChoiceSelect } from '../app/ChoiceSelect.js';
import { useT } from '../i18n/index.js';

type Mode = CreateRoomRequest['mode'];
interface Created extends CreateRoomResponse {
  title: string;
  directorEmail: string | null;
}

/**
 * « Créer une salle »: title, mode, access policy (the server's default for the mode is preselected and named) and,
 * for a room that signs in, whom the direction's invitation admits. The direction's link is shown once.
 */
export function CreateRoomForm({ token, operatorEmail, onCreated }: { token: string; operatorEmail: string | null; onCreated(): void }) {
  const { t } = useT();
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<Mode>('exercise');
  // Null until chosen: the preselected policy then follows the mode, as the server's default would.
  const [chosen, setChosen] = useState<RoomAccess | null>(null);
  const [directorEmail, setDirectorEmail] = useState('');
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // This page is reached by signing in, so a provider is configured.
  const fallback = defaultRoomAccess(mode, true);
  const access = chosen ?? fallback;
  const accessLabel = (a: RoomAccess) => t(`operator.create.access.${a}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const email = acceptsIdentities(access) && directorEmail.trim() ? directorEmail.trim() : undefined;
      const body: CreateRoomRequest = { title: title.trim(), mode, access, ...(email ? { directorEmail: email } : {}) };
      const room = await api.json<CreateRoomResponse>('/api/rooms', { method: 'POST', session: { token }, body });
      setCreated({ ...room, title: body.title, directorEmail: email ?? operatorEmail });
      setTitle('');
      setDirectorEmail('');
      setError(null);
      onCreated();
    } catch (e) {
      setError(t('error.generic', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" data-testid="create-room">
      <h2>{t('operator.create.title')}</h2>
      <form className="join-form" onSubmit={submit}>
        <label>
          {t('operator.create.roomTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} data-testid="create-room-title" />
        </label>
        <ChoiceSelect
          label={t('operator.create.mode')}
          value={mode}
          onChange={(v) => setMode(v === 'crisis' ? 'crisis' : 'exercise')}
          choices={(['exercise', 'crisis'] as const).map((m) => ({ value: m, label: t(`overview.mode.${m}`) }))}
          testId="create-room-mode"
        />
        <ChoiceSelect
          label={t('operator.create.access')}
          value={access}
          onChange={(v) => setChosen(RoomAccess.parse(v))}
          choices={RoomAccess.options.map((a) => ({ value: a, label: a === fallback ? t('operator.create.default', { label: accessLabel(a) }) : accessLabel(a) }))}
          testId="create-room-access"
        />
        {acceptsIdentities(access) && (
          <label>
            {t('operator.create.directorEmail')}
            <input type="email" value={directorEmail} onChange={(e) => setDirectorEmail(e.target.value)} placeholder={operatorEmail ?? ''} data-testid="create-room-director-email" />
            {operatorEmail && <span className="muted small">{t('operator.create.directorEmailHelp', { email: operatorEmail })}</span>}
          </label>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy} data-testid="create-room-submit">
          {t('operator.create.submit')}
        </button>
      </form>
      {created && <CreatedRoom created={created} />}
    </section>
  );
}

function CreatedRoom({ created }: { created: Created }) {
  const { t } = useT();
  return (
    <div className="created-room" data-testid="created-room" data-room-id={created.roomId}>
      <h3>{t('operator.created.title', { title: created.title })}</h3>
      <p>
        {t('operator.created.link')}{' '}
        <a href={created.directorUrl} data-testid="director-url">
          {created.directorUrl}
        </a>
      </p>
      {created.directorCode !== null && (
        <p>
          {t('operator.created.code')} <code data-testid="director-code">{created.directorCode}</code>
        </p>
      )}
      <p className="muted small">{created.directorCode === null ? t('operator.created.signInHelp', { email: created.directorEmail ?? '—' }) : t('operator.created.codeHelp')}</p>
      {/* A `both` room's director may also sign in: beside the code's link, the room's sign-in page. */}
      {created.directorCode !== null && created.directorSignInUrl && (
        <p className="muted small" data-testid="director-sign-in">
          {t('operator.created.alsoSignIn', { email: created.directorEmail ?? '—' })} <a href={created.directorSignInUrl}>{created.directorSignInUrl}</a>
        </p>
      )}
      <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(created.directorUrl)}>
        {t('operator.copy')}
      </button>
    </div>
  );
}
