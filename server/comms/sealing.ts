import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { draftDocName, draftFragmentName, maxDraftTextLength } from '../../shared/comms/draft.js';
import { draftSubmitted } from '../../shared/comms/events.js';
import { pendingSeals, sealDrafts, type PendingSeal } from '../../shared/comms/seal.js';
import { fragmentToText } from '../../shared/comms/text.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/** SHA-256 of the UTF-8 text, hex: the fingerprint a validator confirms and a version keeps. */
export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What sealing needs: run a task on a draft's document, loaded if it is not live. */
export type WithDoc = (roomId: string, docName: string, task: (doc: Y.Doc) => Promise<void>) => Promise<void>;

/**
 * Seals a submitted draft: reads the text from the server's copy of the document, hashes it and appends
 * `comms.sealed` (`shared/comms/seal.ts` decides whether). Runs on the document's queue, after every update
 * accepted before the submission.
 */
export async function sealDraft(runtime: RoomRuntime, withDoc: WithDoc, pending: PendingSeal): Promise<void> {
  await withDoc(runtime.id, draftDocName(pending.draftId), async (doc) => {
    const text = fragmentToText(doc.getXmlFragment(draftFragmentName)).slice(0, maxDraftTextLength);
    const hash = textHash(text);
    await runtime.appendSystem((state) => sealDrafts(state, pending, text, hash));
  });
}

/** Seals on every submission, and on start any submission a crash left unsealed; returns the unsubscription. */
export function watchSubmissions(runtime: RoomRuntime, withDoc: WithDoc, onError: (error: unknown) => void): () => void {
  const seal = (pending: PendingSeal) => sealDraft(runtime, withDoc, pending).catch(onError);
  const stop = runtime.onEvents((events) => {
    for (const event of events) if (draftSubmitted.is(event)) void seal({ draftId: event.payload.draftId, cycle: event.payload.cycle });
  });
  for (const pending of pendingSeals(runtime.state)) void seal(pending);
  return stop;
}
