import { useMemo } from 'react';
import { acceptsCodes, acceptsIdentities, type RoomAccess } from '../../shared/identity/access-policy.js';
import type { ProviderSummary } from '../../shared/identity/rest.js';
import { CodeJoinForm } from '../app/CodeJoinForm.js';
import { navigate } from '../app/navigation.js';
import { loadSession } from '../app/session-storage.js';
import { useT } from '../i18n/index.js';
import { ProviderButtons } from './ProviderButtons.js';
import { useRoomAccess } from './useRoomAccess.js';

/**
 * `/sign-in/<roomId>`, the link an identity invitation carries: the providers' buttons where the room takes
 * identities, the invitation code form where it takes codes, both one above the other for a `both` room.
 */
export function RoomSignInPage({ roomId }: { roomId: string }) {
  const { t } = useT();
  const access = useRoomAccess(roomId);
  const kept = useMemo(() => loadSession(roomId), [roomId]);
  return (
    <main className="join-page">
      <div className="card sign-in-card" data-testid="room-sign-in">
        <h1>{t('app.title')}</h1>
        <h2>{t('signIn.title')}</h2>
        {kept && (
          <p>
            {t('signIn.already')}{' '}
            <button type="button" className="link" onClick={() => navigate(`/room/${roomId}`)}>
              {t('signIn.backToRoom')}
            </button>
          </p>
        )}
        {access.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {access.status === 'unknown' && (
          <p role="alert" className="error" data-testid="sign-in-unknown-room">
            {t('signIn.unknownRoom')}
          </p>
        )}
        {access.status === 'error' && (
          <p role="alert" className="error">
            {t('signIn.loadError', { message: access.message })}
          </p>
        )}
        {access.status === 'ready' && <Choices access={access.data.access} providers={access.data.providers} roomId={roomId} />}
      </div>
    </main>
  );
}

function Choices({ access, providers, roomId }: { access: RoomAccess; providers: readonly ProviderSummary[]; roomId: string }) {
  const { t } = useT();
  const identities = acceptsIdentities(access);
  const codes = acceptsCodes(access);
  return (
    <>
      {identities && <p className="muted">{t('signIn.help')}</p>}
      {identities && providers.length > 0 && <ProviderButtons providers={providers} intent={{ kind: 'room', roomId }} />}
      {identities && providers.length === 0 && (
        <p role="alert" className="error">
          {t('signIn.noProvider')}
        </p>
      )}
      {identities && codes && <p className="or-code">{t('signIn.orCode')}</p>}
      {!identities && <p className="muted">{t('signIn.codeOnly')}</p>}
      {codes && <CodeJoinForm initialCode="" />}
    </>
  );
}
