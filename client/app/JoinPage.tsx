import { useState, type FormEvent } from 'react';
import { useT } from '../i18n/index.js';
import { navigate } from './navigation.js';
import { api } from './api.js';
import { saveSession, type StoredSession } from './session-storage.js';

/** Exchanges an invitation code and a name for a session, then opens the room. */
export function JoinPage({ initialCode }: { initialCode: string }) {
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
      const session = await api.json<StoredSession>('/api/join', { method: 'POST', body: { code, name } });
      saveSession(session);
      navigate(`/room/${session.roomId}`);
    } catch (e) {
      setError(t('join.error', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="join-page">
      <form className="card join-card" onSubmit={submit}>
        <h1>{t('app.title')}</h1>
        <h2>{t('join.title')}</h2>
        <p className="muted">{t('join.help')}</p>
        <label>
          {t('join.code')}
          <input name="code" value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
        </label>
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
    </main>
  );
}
