import { navigate } from '../app/navigation.js';
import type { StoredSession } from '../app/session-storage.js';
import { useT } from '../i18n/index.js';
import { wipeRoomLocally } from '../offline/logout.js';

/**
 * The session is over (revoked by the director, expired, or the room closed). A person who signed in may sign in
 * again: the room lives on the server, so nothing of it is lost, and the device's copy is kept meanwhile. Leaving
 * wipes the device, as logging out does.
 */
export function SessionEnded({ session, reason, close }: { session: StoredSession; reason: string | null; close(): Promise<void> }) {
  const { t } = useT();
  const signedIn = !!session.identity;
  return (
    <main className="join-page">
      <div className="card" data-testid="session-ended">
        <p role="alert">{reason ?? t('session.revoked')}</p>
        {signedIn && <p className="muted">{t('session.reconnectHelp')}</p>}
        <div className="session-actions">
          {signedIn && (
            <button type="button" onClick={() => void close().finally(() => navigate(`/sign-in/${session.roomId}`))} data-testid="session-reconnect">
              {t('session.reconnect')}
            </button>
          )}
          <button
            type="button"
            className={signedIn ? 'link' : undefined}
            onClick={() => {
              // The session is over: nothing of the room stays on this device either.
              void close()
                .then(() => wipeRoomLocally(session.roomId))
                .finally(() => navigate('/join'));
            }}
          >
            {t('session.leave')}
          </button>
        </div>
      </div>
    </main>
  );
}
