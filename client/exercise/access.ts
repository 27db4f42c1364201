import { useCallback, useEffect, useState } from 'react';
import type { InvitationListResponse, InvitationView, SessionListResponse, SessionView } from '../../shared/room/rest.js';
import { api, roomPath } from '../app/api.js';
import type { Me } from '../room/section.js';

// The REST bodies are the server's, described once in shared/room/rest.ts.
export type { InvitationView, SessionView } from '../../shared/room/rest.js';

/**
 * The room's invitations and sessions, reloaded when `refreshKey` changes (someone joined, checked in,
 * an invitation was created or revoked) or on demand with `reload`.
 */
export function useAccessLists(me: Me, refreshKey: string) {
  const [invitations, setInvitations] = useState<InvitationView[]>([]);
  const [sessions, setSessions] = useState<SessionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([api.json<InvitationListResponse>(roomPath(me.roomId, '/invitations'), { session: me }), api.json<SessionListResponse>(roomPath(me.roomId, '/sessions'), { session: me })]).then(
      ([inv, ses]) => {
        if (!live) return;
        setInvitations(inv.invitations);
        setSessions(ses.sessions);
        setError(null);
      },
      (err: Error) => live && setError(err.message),
    );
    return () => {
      live = false;
    };
  }, [me, refreshKey, version]);

  return { invitations, sessions, error, reload };
}
