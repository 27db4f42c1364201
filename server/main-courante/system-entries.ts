import type { RoomEvent } from '../../shared/core/events.js';
import { entriesOf, mainCouranteDocName, receiptsOf } from '../../shared/main-courante/doc.js';
import type { ReceivedEntry } from '../../shared/main-courante/entry.js';
import { restatesEvent, systemEntriesOf } from '../../shared/main-courante/system-entries.js';
import type { EstablishmentNames } from '../../shared/retex/narrator.js';
import { clockChanged } from '../../shared/room/events.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

type NamesOf = (region: string | null) => Promise<EstablishmentNames | undefined>;

/**
 * Writes the entries the document does not hold yet (stored, broadcast to every open editor, relayed). They are
 * not mirrored into the room log: each restates an event the log already holds.
 */
async function writeSystemEntries(runtime: RoomRuntime, docs: DocRegistry, items: readonly ReceivedEntry[]): Promise<void> {
  if (items.length === 0) return;
  await docs.writeAsServer(runtime.id, mainCouranteDocName, (doc) => {
    const entries = entriesOf(doc);
    const known = new Set(
      entries
        .toArray()
        .filter((e) => e.system)
        .map((e) => e.id),
    );
    const missing = items.filter((item) => !known.has(item.entry.id));
    if (missing.length === 0) return false;
    entries.push(missing.map((item) => item.entry));
    for (const { entry, receipt } of missing) receiptsOf(doc).set(entry.id, receipt);
    return true;
  });
}

/**
 * Keeps the main courante holding a system entry for each restated event of the room log
 * (`shared/main-courante/system-entries.ts`): on start, from the whole log (the document skips those it holds),
 * then each new batch of events as it is applied. Runs on the leader. Work is done one batch at a time, in log
 * order; a failure is logged and mended at the next start.
 */
export function keepSystemEntries(runtime: RoomRuntime, docs: DocRegistry, logger: Logger, namesOf: NamesOf): () => void {
  let queue = Promise.resolve();
  let caughtUpTo = 0;
  const run = (task: () => Promise<void>) => {
    queue = queue.then(task).catch((error: unknown) => logger.error({ err: error, roomId: runtime.id }, 'system entries into the main courante failed'));
  };
  const restate = async (events: readonly RoomEvent[], clockStarted: boolean) => {
    const fresh = events.filter((e) => e.seq > caughtUpTo);
    if (fresh.length === 0) return;
    caughtUpTo = fresh.at(-1)!.seq;
    if (!fresh.some((e) => restatesEvent(e, runtime.state))) return;
    const names = await namesOf(runtime.state.careMap.region);
    await writeSystemEntries(runtime, docs, systemEntriesOf(fresh, runtime.state, clockStarted, names));
  };
  const stop = runtime.onEvents((events) => {
    // The clock as it stood before this batch: started, unless the batch itself starts it.
    const startsHere = events.some((e) => clockChanged.is(e) && e.payload.action === 'start');
    const clockStarted = runtime.state.clock.status !== 'not_started' && !startsHere;
    run(() => restate(events, clockStarted));
  });
  run(async () => {
    // The whole log, once: what a crash or an older version left out. The document is opened only when there
    // is something to restate (a room just created has nothing yet).
    await restate(await runtime.eventsFor({ role: 'director' }, 0), false);
  });
  return stop;
}
