import type { Role } from './roles.js';
import type { RoomState } from '../room-state.js';

/** What a participant may do with a document at connection time. */
export type DocAccess = 'write' | 'read';

/** A document of a room: its kind (which feature owns it) and its name in the room. */
export interface RoomDocRef {
  kind: string;
  docName: string;
}

/**
 * A kind of Yjs document a feature brings to the room (the main courante, a comms draft, the RETEX plan…):
 * which names it answers to, who may open it and whether writes are taken right now. Declared in the feature's
 * folder and listed by its `feature.ts`; `shared/room-docs.ts` asks every kind. The server adds the document's
 * policy (what an update must satisfy) in the same feature's server folder.
 */
export interface RoomDocKind {
  kind: string;
  /** Whether `docName` is a document of this kind that exists in this room. */
  matches(docName: string, state: RoomState): boolean;
  /** What `viewer` may do with it (its cell, for kinds written by some cells only); null: may not open it at all. */
  access(viewer: { role: Role; cell?: string | null | undefined }, state: RoomState, docName: string): DocAccess | null;
  /** Whether a writer's update may be applied right now (e.g. a submitted comms draft is frozen); always when absent. */
  acceptsWrites?(state: RoomState, docName: string): boolean;
}
