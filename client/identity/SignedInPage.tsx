import { useEffect, useState } from 'react';
import type { SessionResponse } from '../../shared/room/rest.js';
import { api } from '../app/api.js';
import { navigate } from '../app/navigation.js';
import { saveSession } from '../app/session-storage.js';
import { useT } from '../i18n/index.js';
import { dropFragment, fragmentToken } from './token-fragment.js';

/**
 * `/signed-in#token=…`: where the server's sign-in callback sends the browser. The token leaves the address at
 * once, the server says which session it opens, and the room opens with it kept like a joined session.
 */
export function SignedInPage() {
  const { t } = useT();
  const [token] = useState(fragmentToken);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    dropFragment();
    if (!token) return;
    let live = true;
    api.json<SessionResponse>('/api/session', { session: { token } }).then(
      (session) => {
        if (!live) return;
        saveSession({ token, ...session });
        // Replaced, not pushed: « back » from the room must not come here again, with no token left.
        navigate(`/room/${session.roomId}`, { replace: true });
      },
      (error: unknown) => live && setRefusal(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [token]);

  const problem = !token ? t('signedIn.missing') : refusal !== null ? t('signedIn.refused', { message: refusal }) : null;
  return (
    <main className="join-page">
      <div className="card sign-in-card" data-testid="signed-in">
        <h1>{t('app.title')}</h1>
        {problem ? (
          <>
            <p role="alert" className="error">
              {problem}
            </p>
            <p>
              <a href="/">{t('signedIn.home')}</a>
            </p>
          </>
        ) : (
          <p className="muted">{t('signedIn.opening')}</p>
        )}
      </div>
    </main>
  );
}
