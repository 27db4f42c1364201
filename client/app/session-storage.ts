import { z } from 'zod';
import { Role } from '../../shared/core/roles.js';
import { ActorIdentity } from '../../shared/identity/identity.js';

/**
 * A joined session as this browser keeps it (one per room), so a reload, a reconnect or opening the room offline
 * needs no new code. Read back through this schema: what is in `localStorage` may be from another version, or edited.
 */
const StoredSession = z.object({
  token: z.string().min(1),
  roomId: z.string().min(1),
  role: Role,
  cell: z.string().nullable(),
  name: z.string(),
  sessionId: z.string().min(1),
  // Optional: sessions stored before sign-in existed have neither, and stay readable.
  /** How the name was verified (signed in), null or absent for a session opened with a code. */
  identity: ActorIdentity.nullable().optional(),
  /** When the server ends the session (a signed-in session lasts a shift), null or absent: with the room. */
  expiresAt: z.number().nullable().optional(),
});
export type StoredSession = z.infer<typeof StoredSession>;

const key = (roomId: string) => `orsan-room:session:${roomId}`;

export function saveSession(session: StoredSession): void {
  // Through the schema: a server answer's other fields (and any future ones) are not kept on the device.
  localStorage.setItem(key(session.roomId), JSON.stringify(StoredSession.parse(session)));
}

/** The session kept for `roomId`, or null (none, unreadable, or kept for another room). */
export function loadSession(roomId: string): StoredSession | null {
  const raw = localStorage.getItem(key(roomId));
  if (!raw) return null;
  try {
    const parsed = StoredSession.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.roomId === roomId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetSession(roomId: string): void {
  localStorage.removeItem(key(roomId));
}
