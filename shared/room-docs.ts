import type { DocAccess, RoomDocRef } from './core/room-doc.js';
import type { Role } from './core/roles.js';
import type { SharedFeature } from './core/shared-feature.js';
import { sharedFeatures } from './features.js';

/** The features as the registry reads them (their literal types matter only to `shared/commands.ts`). */
const features: readonly SharedFeature[] = sharedFeatures;
import type { RoomState } from './room-state.js';

/**
 * The Yjs documents of a room and who may open them, gathered from the features' document kinds (each in its
 * own folder: `shared/main-courante/doc-kind.ts`, `shared/comms/doc-kind.ts`…), so that the client shows the
 * same rights the server enforces.
 */
const kinds = features.flatMap((f) => f.docs ?? []);
const kindsByName = new Map(kinds.map((k) => [k.kind, k]));

/** The document a name stands for in this room, or null when the room has no such document. */
export function resolveRoomDoc(docName: string, state: RoomState): RoomDocRef | null {
  const kind = kinds.find((k) => k.matches(docName, state));
  return kind ? { kind: kind.kind, docName } : null;
}

/** What a participant may do with a document at connection time; null: may not open it at all. */
export function docAccess(ref: RoomDocRef, viewer: { role: Role; cell?: string | null | undefined }, state: RoomState): DocAccess | null {
  return kindsByName.get(ref.kind)?.access(viewer, state, ref.docName) ?? null;
}

/** Whether a writer's update may be applied right now (a submitted, validated or published draft is frozen). */
export function acceptsWrites(ref: RoomDocRef, state: RoomState): boolean {
  return kindsByName.get(ref.kind)?.acceptsWrites?.(state, ref.docName) ?? true;
}
