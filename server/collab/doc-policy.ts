import type * as Y from 'yjs';
import type { RoomDocRef } from '../../shared/core/room-doc.js';
import type { Logger } from '../ops/logger.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { SessionRecord } from '../store/types.js';
import type { UpdateInspector } from './update-inspector.js';
import type { SessionBudget } from './yjs-budgets.js';

/** Who sent an update, and how: a sync step 2 answers the server's state vector, so it carries what the client wrote offline. */
export interface UpdateSender {
  session: SessionRecord;
  viaSync: boolean;
  /** The session's rate limits (absent: none, for the server's own writes and unit tests). */
  budget?: Pick<SessionBudget, 'records'>;
}

/** An update a policy accepted: what the server adds in the same transaction, and what it does once the update is durable. */
export interface AcceptedUpdate {
  /** Runs inside the transaction that applies the update, so the additions are stored and broadcast with it. */
  amend?(doc: Y.Doc): void;
  /** Runs after the update is stored and broadcast (e.g. mirror entries into the room log). */
  committed?(): void;
}

/**
 * Why something a peer sent was refused, which picks the close code (`YjsConnection.refuse`):
 * its content breaks the document's rules, it is too large, it comes too fast, or it is written under a Yjs
 * client id that belongs to another session.
 */
export type RefusalKind = 'content' | 'tooLarge' | 'rateLimited' | 'clientIdTaken';

/** Refusal of an update: never applied, stored nor broadcast; the sender is told to resync or is disconnected. */
export class UpdateRefused extends Error {
  constructor(
    message: string,
    readonly kind: RefusalKind = 'content',
  ) {
    super(message);
    this.name = 'UpdateRefused';
  }
}

/** Builds the policy of a document of one kind, when the document is loaded (one per live document). */
export type DocPolicyFactory = (runtime: RoomRuntime, ref: RoomDocRef, logger: Logger) => DocPolicy;

/** The rules of one kind of document, checked on every update from a writer before it is applied. */
export interface DocPolicy {
  /** Called once the document is rebuilt from the store (indexes, reconciliation with the room log). */
  loaded?(doc: Y.Doc): void;
  /** An update accepted by another instance was applied (several instances): bring derived indexes up to date. */
  relayed?(doc: Y.Doc): void;
  /** Throws `UpdateRefused` when the update breaks the document's rules. */
  check(inspector: UpdateInspector, sender: UpdateSender): AcceptedUpdate;
}

/** Refuses updates that would stay pending for content the server has never seen: they could not be stored faithfully. */
export function requireComplete(inspector: UpdateInspector): void {
  if (inspector.inspection.missingDependencies) {
    throw new UpdateRefused('Mise à jour incomplète : elle dépend de contenus inconnus du serveur.');
  }
}

/** A free document (animator notes): any complete update from a writer. */
export const freePolicy: DocPolicy = {
  check(inspector) {
    requireComplete(inspector);
    return {};
  },
};
