import { useCallback, useEffect, useState } from 'react';
import type { Role } from '../../shared/core/roles.js';
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
 * Calls the room's REST API with the director's session token. Errors carry the server's message
 * (`{ error: { code, message } }`), already in French.
 */
export async function roomApi<T>(me: Me, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`/api/rooms/${encodeURIComponent(me.roomId)}${path}`, {
    method,
    headers: { authorization: `Bearer ${me.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (json as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${res.status}`;
    throw new Error(message);
  }
  return json as T;
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
      roomApi<{ invitations: InvitationView[] }>(me, 'GET', '/invitations'),
      roomApi<{ sessions: SessionView[] }>(me, 'GET', '/sessions'),
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
