import { useCallback, useEffect, useState } from 'react';
import type { LoggedOutResponse, OperatorSessionResponse, ProvidersResponse } from '../../shared/identity/rest.js';
import { api, ApiError } from '../app/api.js';
import { dropFragment, fragmentToken } from '../identity/token-fragment.js';

/** Where this browser keeps an operator's session token (a shift long; ended by « Se déconnecter »). */
const storageKey = 'orsan-room:operator';

export type OperatorState =
  | { status: 'loading' }
  /** `expired`: a token was kept, and the server no longer knows it. */
  | { status: 'signed-out'; providers: ProvidersResponse['providers']; expired: boolean }
  | { status: 'signed-in'; token: string; session: OperatorSessionResponse }
  | { status: 'error'; message: string };

/**
 * The operator's session on this page: a token handed over in the fragment by the sign-in callback is kept (and
 * leaves the address at once), then the server says whether the kept token still opens a session.
 */
export function useOperatorSession(): { state: OperatorState; logOut(): Promise<void> } {
  const [handedOver] = useState(fragmentToken);
  const [state, setState] = useState<OperatorState>({ status: 'loading' });

  useEffect(() => {
    dropFragment();
    if (handedOver) localStorage.setItem(storageKey, handedOver);
    const token = localStorage.getItem(storageKey);
    let live = true;
    const signedOut = async (expired: boolean) => {
      const { providers } = await api.json<ProvidersResponse>('/api/auth/providers');
      if (live) setState({ status: 'signed-out', providers, expired });
    };
    const load = async () => {
      if (!token) return signedOut(false);
      try {
        const session = await api.json<OperatorSessionResponse>('/api/operator/session', { session: { token } });
        if (live) setState({ status: 'signed-in', token, session });
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        localStorage.removeItem(storageKey);
        await signedOut(true);
      }
    };
    load().catch((error: unknown) => live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [handedOver]);

  const logOut = useCallback(async () => {
    if (state.status !== 'signed-in') return;
    let endSessionUrl: string | null = null;
    try {
      ({ endSessionUrl } = await api.json<LoggedOutResponse>('/api/operator/session', { method: 'DELETE', session: { token: state.token } }));
    } catch {
      // Already ended (expired), or no answer: the token is forgotten here all the same, as a room's logout does.
    }
    // A shared laptop keeps no operator's session.
    localStorage.removeItem(storageKey);
    // The provider's own session ends too; it then sends the browser to the server's « signed out » page.
    location.assign(endSessionUrl ?? '/operator');
  }, [state]);

  return { state, logOut };
}
