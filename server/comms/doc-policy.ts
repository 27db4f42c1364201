import type { RoomDocRef } from '../../shared/core/room-doc.js';
import { acceptsWrites } from '../../shared/room-docs.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import { UpdateRefused, requireComplete, type DocPolicy } from '../collab/doc-policy.js';

/**
 * A draft's rich text is free while the draft is a brouillon or à reprendre. Once submitted (and while validated
 * or published) the document is frozen (`shared/comms/doc-kind.ts`): updates are refused, so the sealed text is
 * the text validators review.
 */
export function commsPolicy(runtime: RoomRuntime, ref: RoomDocRef): DocPolicy {
  return {
    check(inspector) {
      requireComplete(inspector);
      if (!acceptsWrites(ref, runtime.state)) {
        throw new UpdateRefused('Ce brouillon est soumis, validé ou publié : son texte ne peut plus changer.');
      }
      return {};
    },
  };
}
