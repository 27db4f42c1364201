import { useState, type FormEvent } from 'react';
import type { JoinResponse } from '../../shared/room/rest.js';
import { useT } from '../i18n/index.js';
import { navigate } from './navigation.js';
import { api } from './api.js';
import { saveSession } from './session-storage.js';
import { JoinTarget } from './JoinTarget.js';

/**
 * An invitation code and a typed name exchanged for a session, then the room: the join page's form, also shown on
 * the sign-in page of a room that takes codes as well as identities.
 */
export function CodeJoinForm({ initialCode }: { initialCode: string }) {
  const { t } = useT();
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.json<JoinResponse>('/api/join', { method: 'POST', body: { code, name } });
      saveSession(session);
      navigate(`/room/${session.roomId}`);
    } catch (e) {
      setError(t('join.error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="join-form" onSubmit={submit}>
      <label>
        {t('join.code')}
        <input name="code" value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
      </label>
      <JoinTarget code={code} />
      <label>
        {t('join.name')}
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoFocus={!!initialCode} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="join-submit">
        {t('join.submit')}
      </button>
    </form>
  );
}
