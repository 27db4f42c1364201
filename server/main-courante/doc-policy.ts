import { verifiedOf } from '../access/session-views.js';
import type { ActorIdentity } from '../../shared/identity/identity.js';
import * as Y from 'yjs';
import type { Now } from '../../shared/core/define.js';
import { limits } from '../../shared/core/limits.js';
import { entriesOf, flagsOf, mainCouranteRoots, receiptsOf, verificationsOf } from '../../shared/main-courante/doc.js';
import type { EntryAuthor, MainCouranteEntry, Receipt, SignificanceFlag } from '../../shared/main-courante/entry.js';
import { batchRefusal, mirroredIds, mirrorsOf, readEntry, readFlag, readVerification, receiptFor, type RecordBatch } from '../../shared/main-courante/rules.js';
import { isLater, type VerificationRecord } from '../../shared/main-courante/verification.js';
import type { RoomRuntime } from '../rooms/room-runtime.js';
import type { SessionRecord } from '../store/types.js';
import type { Logger } from '../ops/logger.js';
import { UpdateRefused, requireComplete, type AcceptedUpdate, type DocPolicy, type UpdateSender } from '../collab/doc-policy.js';
import type { ParentRef, UpdateInspector } from '../collab/update-inspector.js';

const refuse = (message: string) => new UpdateRefused(message);

function describeParent(parent: ParentRef): string {
  if (parent.kind === 'root') return parent.parentSub === null ? `« ${parent.name} »` : `« ${parent.name}.${parent.parentSub} »`;
  return parent.kind === 'nested' ? 'un objet existant' : 'un contenu supprimé';
}

const authorOf = (session: SessionRecord): EntryAuthor => ({ sessionId: session.id, name: session.name, role: session.role, cell: session.cell });

/**
 * The main courante is append-only, and the server enforces it on every update before applying it:
 * no deletion, no item anywhere but at the end of `entries`, `flags` and `verifications` (see `readBatch`: the Yjs
 * decoding lives here), each record then checked by the main courante's rules (`shared/main-courante/rules.ts`:
 * valid, in the sender's own name, ids never reused, corrections, flags and verifications pointing at entries that
 * exist, corrections and verifications by the entry's own cell). The server
 * adds a receipt per entry in the same transaction, then mirrors each accepted entry into the room log.
 */
export class MainCourantePolicy implements DocPolicy {
  private readonly entries = new Map<string, MainCouranteEntry>();
  private readonly flagIds = new Set<string>();
  private readonly verificationIds = new Set<string>();
  /** The latest verification record of each entry: the status a new record changes. */
  private readonly verified = new Map<string, VerificationRecord>();

  constructor(
    private readonly runtime: RoomRuntime,
    private readonly logger: Logger,
  ) {}

  loaded(doc: Y.Doc): void {
    this.index(doc);
    // In the background: the log is read once, and a client syncing meanwhile must not wait for it.
    // System entries restate events the log holds already: they are never mirrored, so never missing from it.
    const typed = [...this.entries.values()].filter((e) => !e.system);
    void this.reconcile(doc, typed, flagsOf(doc).toArray(), verificationsOf(doc).toArray()).catch((error: unknown) =>
      this.logger.error({ err: error, roomId: this.runtime.id }, 'main courante: reconciliation with the room log failed'),
    );
  }

  /** An update another instance accepted (and mirrors itself) was applied: its records must be known here too. */
  relayed(doc: Y.Doc): void {
    this.index(doc);
  }

  private index(doc: Y.Doc): void {
    for (const entry of entriesOf(doc).toArray()) this.entries.set(entry.id, entry);
    for (const flag of flagsOf(doc).toArray()) this.flagIds.add(flag.id);
    for (const record of verificationsOf(doc).toArray()) this.know(record);
  }

  private know(record: VerificationRecord): void {
    this.verificationIds.add(record.id);
    const previous = this.verified.get(record.entryId);
    if (!previous || isLater(record, previous)) this.verified.set(record.entryId, record);
  }

  check(inspector: UpdateInspector, sender: UpdateSender): AcceptedUpdate {
    requireComplete(inspector);
    const { inspection } = inspector;
    if (inspection.newDeletions || inspection.newDeletedContent) {
      throw refuse('Suppression ou modification refusée : la main courante est en ajout seul ; corrigez par une nouvelle entrée.');
    }
    const batch = this.readBatch(inspector, authorOf(sender.session));
    const now = this.runtime.now();
    const { role, cell } = sender.session;
    const known = { entries: this.entries, flagIds: this.flagIds, verificationIds: this.verificationIds, verified: this.verified };
    const refusal = batchRefusal(batch, known, now, this.runtime.state, { role, cell: cell ?? undefined });
    if (refusal) throw refuse(refusal);
    const overBudget = sender.budget?.records(batch.entries.length + batch.flags.length + batch.verifications.length);
    if (overBudget) throw new UpdateRefused(overBudget.reason, 'rateLimited');
    const receipts = new Map(batch.entries.map((e) => [e.id, receiptFor(e, now, sender.viaSync)]));
    return {
      amend: (doc) => {
        const map = receiptsOf(doc);
        for (const [id, receipt] of receipts) map.set(id, receipt);
      },
      committed: () => {
        for (const entry of batch.entries) this.entries.set(entry.id, entry);
        for (const flag of batch.flags) this.flagIds.add(flag.id);
        for (const record of batch.verifications) this.know(record);
        // The records are the sender's (readEntry checked their author): her mirror events say who vouched for her.
        void this.mirror(batch, receipts, now, verifiedOf(sender.session).verified);
      },
    };
  }

  private readBatch(inspector: UpdateInspector, author: EntryAuthor): RecordBatch {
    const batch: RecordBatch = { entries: [], flags: [], verifications: [] };
    // Counted before anything is parsed: a batch of thousands of records costs nothing to refuse.
    const records = inspector.inspection.newItems.reduce((n, { item, offset }) => n + Math.max(0, item.length - offset), 0);
    if (records > limits.maxRecordsPerYjsUpdate) {
      throw new UpdateRefused(`Trop d'entrées en une seule mise à jour (${records} ; ${limits.maxRecordsPerYjsUpdate} au plus) : rien n'a été enregistré.`, 'tooLarge');
    }
    for (const { item, offset } of inspector.inspection.newItems) {
      const parent = inspector.parentOf(item);
      const root = parent.kind === 'root' && parent.parentSub === null ? parent.name : null;
      if (root !== mainCouranteRoots.entries && root !== mainCouranteRoots.flags && root !== mainCouranteRoots.verifications) {
        throw refuse(`Écriture refusée dans ${describeParent(parent)} : seules de nouvelles entrées peuvent être ajoutées.`);
      }
      if (!(item.content instanceof Y.ContentAny)) throw refuse('Une entrée est un objet JSON immuable, pas un type partagé modifiable.');
      // Append means "after everything the author had seen": an item with a right origin was inserted before a
      // record its author's copy already held. Two appends written on the same view (offline merge) both have
      // none, whatever order Yjs then gives them, so they stay accepted.
      if (item.rightOrigin !== null) {
        throw refuse('Insertion refusée : la main courante est en ajout seul, une entrée ne se place jamais avant une entrée existante.');
      }
      for (const value of item.content.arr.slice(offset)) {
        if (root === mainCouranteRoots.entries) {
          const read = readEntry(value, author);
          if ('refusal' in read) throw refuse(read.refusal);
          batch.entries.push(read.record);
        } else if (root === mainCouranteRoots.flags) {
          const read = readFlag(value, author);
          if ('refusal' in read) throw refuse(read.refusal);
          batch.flags.push(read.record);
        } else {
          const read = readVerification(value, author);
          if ('refusal' in read) throw refuse(read.refusal);
          batch.verifications.push(read.record);
        }
      }
    }
    return batch;
  }

  /** Appends the accepted records to the room log, each with its author as actor. */
  private async mirror(batch: RecordBatch, receipts: Map<string, Receipt>, now: Now, verified?: ActorIdentity): Promise<void> {
    const mirrors = mirrorsOf(batch, receipts, this.entries, now).map((m) => (verified ? { ...m, actor: { ...m.actor, verified } } : m));
    // One append per record, keyed by the record's id: a record mirrored twice (a crash between storing and
    // mirroring, two instances recovering at once) is stored once in the log. Submitted together, in order: the
    // room's group commit stores them in one transaction.
    const appended = mirrors.map(({ actor, draft, commandId }) => this.runtime.appendSystem(() => [draft], actor, commandId));
    for (const result of await Promise.allSettled(appended)) {
      if (result.status === 'rejected') this.logger.error({ err: result.reason, roomId: this.runtime.id }, 'main courante: mirror into the room log failed');
    }
  }

  /**
   * After a crash between storing an update and mirroring it, some entries known at load are not in the log yet:
   * mirror them now. Only entries present at load are considered, so nothing accepted since is mirrored twice.
   * Mirrors go through the room's queue, so the counts read here include every mirror already requested.
   */
  private async reconcile(doc: Y.Doc, atLoad: MainCouranteEntry[], flagsAtLoad: SignificanceFlag[], verificationsAtLoad: VerificationRecord[]): Promise<void> {
    // Several instances: the mirrors another instance appended must be known here before judging what is missing.
    await this.runtime.refresh();
    // Each record is mirrored once: equal counts mean nothing is missing, and the log need not be read.
    const summary = this.runtime.state.mainCourante;
    if (summary.count >= atLoad.length && summary.flagCount >= flagsAtLoad.length && summary.verificationCount >= verificationsAtLoad.length) return;
    const mirrored = mirroredIds(await this.runtime.eventsFor({ role: 'director' }, 0));
    const stored = receiptsOf(doc);
    const now = this.runtime.now();
    // One append per author (the actor of a mirror event is the author), in the order the entries were stored.
    const batches = new Map<string, RecordBatch>();
    const batchOf = (sessionId: string) => batches.get(sessionId) ?? batches.set(sessionId, { entries: [], flags: [], verifications: [] }).get(sessionId)!;
    for (const entry of atLoad) if (!mirrored.has(entry.id)) batchOf(entry.sessionId).entries.push(entry);
    for (const flag of flagsAtLoad) if (!mirrored.has(flag.id)) batchOf(flag.sessionId).flags.push(flag);
    for (const record of verificationsAtLoad) if (!mirrored.has(record.id)) batchOf(record.sessionId).verifications.push(record);
    for (const batch of batches.values()) {
      const receipts = new Map(batch.entries.map((e) => [e.id, stored.get(e.id) ?? receiptFor(e, now, true)]));
      await this.mirror(batch, receipts, now);
    }
  }
}
