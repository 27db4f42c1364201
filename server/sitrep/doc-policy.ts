import type { RoomDocRef } from '../../shared/core/room-doc.js';
import { acceptsWrites } from '../../shared/room-docs.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import { UpdateRefused, requireComplete, type DocPolicy } from '../collab/doc-policy.js';

/**
 * A point's summary is free while the point is a brouillon. Once submitted (then validated and frozen) the
 * document refuses updates (`shared/sitrep/doc-kind.ts`), so the frozen text is the text the validator read.
 */
export function sitrepPolicy(runtime: RoomRuntime, ref: RoomDocRef): DocPolicy {
  return {
    check(inspector) {
      requireComplete(inspector);
      if (!acceptsWrites(ref, runtime.state)) throw new UpdateRefused('Ce point de situation est soumis, validé ou figé : sa synthèse ne peut plus changer.');
      return {};
    },
  };
}
