import type { RoomEvent } from '../../shared/core/events.js';
import type { ReceivedEntry } from '../../shared/main-courante/entry.js';
import { entryAdded } from '../../shared/main-courante/events.js';
import { entriesOf, mainCouranteDocName, receiptsOf } from '../../shared/main-courante/doc.js';
import { actorOf } from '../../shared/main-courante/rules.js';
import type { RoomState } from '../../shared/room-state.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/** An entry the server itself writes into the main courante (a decision, a reply given through an acknowledgement link). */
export type ServerEntry = ReceivedEntry;

/**
 * Writes the entry into the document (stored, broadcast to every open editor, relayed), unless it is there,
 * then mirrors it into the log under the entry's command id (`mc:<id>`), as any entry: appended once, and a
 * crash in between is mended on the next start.
 */
async function writeServerEntry(runtime: RoomRuntime, docs: DocRegistry, { entry, receipt }: ServerEntry): Promise<void> {
  await docs.writeAsServer(runtime.id, mainCouranteDocName, (doc) => {
    if (
      entriesOf(doc)
        .toArray()
        .some((e) => e.id === entry.id)
    )
      return false;
    entriesOf(doc).push([entry]);
    receiptsOf(doc).set(entry.id, receipt);
    return true;
  });
  await runtime.appendSystem(() => [entryAdded.draft({ entry, receipt }, 'all')], actorOf(entry), `mc:${entry.id}`);
}

/**
 * Keeps the main courante holding every entry `entriesOf` derives from the room state: on start (what a crash
 * left out), then whenever events `wakesOn` says may bring new ones. Runs on the leader. Each entry is written
 * once per process; a failure is logged and retried at the next wake.
 */
export function keepServerEntries(
  runtime: RoomRuntime,
  docs: DocRegistry,
  logger: Logger,
  source: { name: string; entriesOf(state: RoomState): ServerEntry[]; wakesOn(event: RoomEvent): boolean },
): () => void {
  const written = new Set<string>();
  const run = () => {
    for (const item of source.entriesOf(runtime.state)) {
      if (written.has(item.entry.id)) continue;
      written.add(item.entry.id);
      writeServerEntry(runtime, docs, item).catch((error: unknown) => {
        written.delete(item.entry.id);
        logger.error({ err: error, roomId: runtime.id, entry: item.entry.id }, `${source.name} into the main courante failed`);
      });
    }
  };
  const stop = runtime.onEvents((events) => {
    if (events.some(source.wakesOn)) run();
  });
  run();
  return stop;
}
