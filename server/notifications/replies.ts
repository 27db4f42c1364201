import { linkAcknowledged } from '../../shared/alert-chain/events.js';
import { replyEntries } from '../../shared/notifications/reply-entry.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import { keepServerEntries } from '../main-courante/server-entries.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/** The one-line reply a contact types on the acknowledgement page becomes that actor's entry in the main courante. */
export function recordReplies(runtime: RoomRuntime, docs: DocRegistry, logger: Logger): () => void {
  return keepServerEntries(runtime, docs, logger, {
    name: 'reply',
    entriesOf: replyEntries,
    wakesOn: (e) => linkAcknowledged.is(e) && Boolean(e.payload.via?.reply),
  });
}
