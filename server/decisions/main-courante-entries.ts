import { decisionEntries } from '../../shared/decisions/decision-entry.js';
import { decisionRecorded } from '../../shared/decisions/events.js';
import type { DocRegistry } from '../collab/doc-registry.js';
import type { Logger } from '../ops/logger.js';
import { keepServerEntries } from '../main-courante/server-entries.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';

/** A recorded decision becomes its decider's `decision` entry in the main courante. */
export function recordDecisionEntries(runtime: RoomRuntime, docs: DocRegistry, logger: Logger): () => void {
  return keepServerEntries(runtime, docs, logger, { name: 'decision', entriesOf: decisionEntries, wakesOn: decisionRecorded.is });
}
