import type { RoomEvent } from '../core/events.js';
import type { Role } from '../core/roles.js';
import { provenanceOf, type ActorIdentity } from '../identity/identity.js';

/** One person who acted in the room, as the RETEX lists them: how her name was established, and how much she wrote. */
export interface RetexParticipant {
  name: string;
  role: Role | null;
  cell: string | null;
  /** Who vouched for the name (signed in), or null: typed with an invitation code. */
  verified: ActorIdentity | null;
  events: number;
}

/**
 * The participants of a room from its log (every event names its actor, `verified` for a signed-in session), in
 * order of first action. One row per session: the same person signed in twice appears twice, as the log has it.
 */
export function participantsOf(events: readonly RoomEvent[]): RetexParticipant[] {
  const bySession = new Map<string, RetexParticipant>();
  for (const { actor } of events) {
    if (actor.kind !== 'participant' || !actor.sessionId) continue;
    const known = bySession.get(actor.sessionId);
    if (known) known.events++;
    else bySession.set(actor.sessionId, { name: actor.name, role: actor.role ?? null, cell: actor.cell ?? null, verified: actor.verified ?? null, events: 1 });
  }
  return [...bySession.values()];
}

/** « vérifié par ProConnect, niveau eidas1 » or « nom saisi avec un code d'invitation ». */
export const participantProvenance = (p: Pick<RetexParticipant, 'verified'>): string => (p.verified ? provenanceOf(p.verified) : "nom saisi avec un code d'invitation");
