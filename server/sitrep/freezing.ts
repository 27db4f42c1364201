import type * as Y from 'yjs';
import { fragmentToText } from '../../shared/comms/text.js';
import { sitrepValidated } from '../../shared/sitrep/events.js';
import { freezeDrafts, pendingFreezes } from '../../shared/sitrep/freeze.js';
import { maxSitrepTextLength, sitrepDocName, sitrepFragmentName } from '../../shared/sitrep/state.js';
import { textHash } from '../comms/sealing.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/** What freezing needs: run a task on a point's document, loaded if it is not live. */
export type WithDoc = (roomId: string, docName: string, task: (doc: Y.Doc) => Promise<void>) => Promise<void>;

/**
 * Freezes a validated point: reads the summary from the server's copy of its document, hashes it (SHA-256, as
 * comms sealing) and appends `sitrep.frozen` (`shared/sitrep/freeze.ts` decides whether). Runs on the document's
 * queue, after every update accepted before the submission (none is accepted after it).
 */
export async function freezePoint(runtime: RoomRuntime, withDoc: WithDoc, n: number): Promise<void> {
  await withDoc(runtime.id, sitrepDocName(n), async (doc) => {
    const text = fragmentToText(doc.getXmlFragment(sitrepFragmentName)).slice(0, maxSitrepTextLength);
    await runtime.appendSystem((state) => freezeDrafts(state, n, text, textHash(text)));
  });
}

/** Freezes on every validation, and on start any validation a crash left unfrozen; returns the unsubscription. */
export function watchValidations(runtime: RoomRuntime, withDoc: WithDoc, onError: (error: unknown) => void): () => void {
  const freeze = (n: number) => freezePoint(runtime, withDoc, n).catch(onError);
  const stop = runtime.onEvents((events) => {
    for (const event of events) if (sitrepValidated.is(event)) void freeze(event.payload.n);
  });
  for (const n of pendingFreezes(runtime.state)) void freeze(n);
  return stop;
}
