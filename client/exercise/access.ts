import { useCallback, useEffect, useState } from 'react';
import type { Role } from '../../shared/core/roles.js';
import { api, roomPath } from '../app/api.js';
import type { Me } from '../room/section.js';

/** An invitation as the REST API presents it (never its code: only hashes are stored). */
export interface InvitationView {
  id: string;
  role: Role;
  cell: string | null;
  label: string | null;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** A session opened with an invitation: one person in the room. */
export interface SessionView {
  id: string;
  role: Role;
  cell: string | null;
  name: string;
  invitationId: string | null;
  createdAt: number;
  revokedAt: number | null;
}

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
    Promise.all([
      api.json<{ invitations: InvitationView[] }>(roomPath(me.roomId, '/invitations'), { session: me }),
      api.json<{ sessions: SessionView[] }>(roomPath(me.roomId, '/sessions'), { session: me }),
    ]).then(
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
