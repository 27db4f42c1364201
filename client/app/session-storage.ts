import type { Role } from '../../shared/core/roles.js';

/** A joined session as this browser keeps it (one per room), so a reload or a reconnect needs no new code. */
export interface StoredSession {
  token: string;
  roomId: string;
  role: Role;
  cell: string | null;
  name: string;
  sessionId: string;
}

const key = (roomId: string) => `orsan-room:session:${roomId}`;

export function saveSession(session: StoredSession): void {
  localStorage.setItem(key(session.roomId), JSON.stringify(session));
}

export function loadSession(roomId: string): StoredSession | null {
  const raw = localStorage.getItem(key(roomId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as StoredSession;
  } catch {
    return null;
  }
}

export function forgetSession(roomId: string): void {
  localStorage.removeItem(key(roomId));
}
