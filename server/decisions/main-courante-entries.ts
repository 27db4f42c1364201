import { entryAdded } from '../../shared/main-courante/events.js';
import { entriesOf, mainCouranteDocName, receiptsOf } from '../../shared/main-courante/doc.js';
import { actorOf } from '../../shared/main-courante/rules.js';
import { decisionEntries, type DecisionEntry } from '../../shared/decisions/decision-entry.js';
import { decisionRecorded } from '../../shared/decisions/events.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/**
 * A recorded decision becomes its decider's `decision` entry in the main courante: written into the document
 * (stored, broadcast to every open editor), then mirrored into the log under the entry's command id
 * (`mc:<id>`), as any entry, so a crash in between is mended at the next start (see server/notifications/replies.ts).
 */
async function record(runtime: RoomRuntime, docs: DocRegistry, { entry, receipt }: DecisionEntry): Promise<void> {
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

/** Runs on the leader: every new decision, and on start those a crash left out of the main courante. */
export function recordDecisionEntries(runtime: RoomRuntime, docs: DocRegistry, logger: Logger): () => void {
  const mirrored = new Set<string>();
  const run = () => {
    for (const item of decisionEntries(runtime.state)) {
      if (mirrored.has(item.entry.id)) continue;
      mirrored.add(item.entry.id);
      record(runtime, docs, item).catch((error: unknown) => {
        mirrored.delete(item.entry.id);
        logger.error({ err: error, roomId: runtime.id, entry: item.entry.id }, 'decision into the main courante failed');
      });
    }
  };
  const stop = runtime.onEvents((events) => {
    if (events.some((e) => decisionRecorded.is(e))) run();
  });
  run();
  return stop;
}
