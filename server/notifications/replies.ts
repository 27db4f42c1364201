import { entryAdded } from '../../shared/main-courante/events.js';
import { entriesOf, mainCouranteDocName, receiptsOf } from '../../shared/main-courante/doc.js';
import { actorOf } from '../../shared/main-courante/rules.js';
import { replyEntries, type ReplyEntry } from '../../shared/notifications/reply-entry.js';
import { linkAcknowledged } from '../../shared/alert-chain/events.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/**
 * The one-line reply a contact types on the acknowledgement page becomes that actor's entry in the main
 * courante: written into the document (stored, broadcast to every open editor), then mirrored into the log
 * under the same command id as any entry (`mc:<id>`), so a crash in between is mended at the next start.
 */
async function record(runtime: RoomRuntime, docs: DocRegistry, reply: ReplyEntry): Promise<void> {
  await docs.writeAsServer(runtime.id, mainCouranteDocName, (doc) => {
    if (
      entriesOf(doc)
        .toArray()
        .some((e) => e.id === reply.entry.id)
    )
      return false;
    entriesOf(doc).push([reply.entry]);
    receiptsOf(doc).set(reply.entry.id, reply.receipt);
    return true;
  });
  // Keyed like every mirror: appended once, however often this runs.
  await runtime.appendSystem(() => [entryAdded.draft(reply, 'all')], actorOf(reply.entry), `mc:${reply.entry.id}`);
}

/** Runs on the leader: every acknowledgement with a reply, and on start those a crash left unrecorded. */
export function recordReplies(runtime: RoomRuntime, docs: DocRegistry, logger: Logger): () => void {
  const run = () => {
    for (const reply of replyEntries(runtime.state)) {
      record(runtime, docs, reply).catch((error: unknown) => logger.error({ err: error, roomId: runtime.id, entry: reply.entry.id }, 'reply into the main courante failed'));
    }
  };
  const stop = runtime.onEvents((events) => {
    if (events.some((e) => linkAcknowledged.is(e) && e.payload.via?.reply)) run();
  });
  run();
  return stop;
}
