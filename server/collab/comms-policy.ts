import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import type { RoomEvent } from '../../shared/core/events.js';
import { draftDocName, draftFragmentName, maxDraftTextLength } from '../../shared/comms/draft.js';
import { fragmentToText } from '../../shared/comms/text.js';
import { acceptsWrites, type RoomDocRef } from '../../shared/main-courante/room-docs.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import { UpdateRefused, requireComplete, type DocPolicy } from './doc-policy.js';

/** SHA-256 of the UTF-8 text, hex: the fingerprint a validator confirms and a version keeps. */
export const textHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A draft's rich text is free while the draft is a brouillon or à reprendre. Once submitted (and while validated
 * or published) the document is frozen: updates are refused, so the sealed text is the text validators review.
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

/** What sealing needs: run a task on a draft's document, loaded if it is not live. */
export type WithDoc = (roomId: string, docName: string, task: (doc: Y.Doc) => Promise<void>) => Promise<void>;

/**
 * Seals a submitted draft: reads the text from the server's copy of the document, hashes it and appends
 * `comms.sealed`. Runs on the document's queue, after every update accepted before the submission.
 */
export async function sealDraft(runtime: RoomRuntime, withDoc: WithDoc, draftId: string, cycle: number): Promise<void> {
  await withDoc(runtime.id, draftDocName(draftId), async (doc) => {
    const text = fragmentToText(doc.getXmlFragment(draftFragmentName)).slice(0, maxDraftTextLength);
    const hash = textHash(text);
    await runtime.appendSystem((state) => {
      const draft = state.comms.drafts.find((d) => d.id === draftId);
      if (!draft || draft.status !== 'soumis' || draft.cycle !== cycle || draft.sealed?.cycle === cycle) return [];
      return [{ type: 'comms.sealed', payload: { draftId, cycle, hash, text }, visibility: 'all' }];
    });
  });
}

/** Seals on every submission, and on load any submission a crash left unsealed. */
export function watchSubmissions(runtime: RoomRuntime, withDoc: WithDoc, onError: (error: unknown) => void): void {
  const seal = (draftId: string, cycle: number) => sealDraft(runtime, withDoc, draftId, cycle).catch(onError);
  runtime.onEvents((events: RoomEvent[]) => {
    for (const event of events) {
      if (event.type !== 'comms.submitted') continue;
      const { draftId, cycle } = event.payload as { draftId: string; cycle: number };
      void seal(draftId, cycle);
    }
  });
  for (const draft of runtime.state.comms.drafts) {
    if (draft.status === 'soumis' && draft.sealed?.cycle !== draft.cycle) void seal(draft.id, draft.cycle);
  }
}
