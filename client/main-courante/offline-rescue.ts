import * as Y from 'yjs';
import { appendEntries, appendFlag, appendVerification, entriesOf, flagsOf, receiptsOf, verificationsOf } from '../../shared/main-courante/doc.js';
import type { MainCouranteEntry, SignificanceFlag } from '../../shared/main-courante/entry.js';
import type { VerificationRecord } from '../../shared/main-courante/verification.js';
import type { DocRescue } from '../collab/doc-rescue.js';

/** One of a person's main-courante records. */
export type MainCouranteRecord = { kind: 'entry'; entry: MainCouranteEntry } | { kind: 'flag'; flag: SignificanceFlag } | { kind: 'verification'; verification: VerificationRecord };

export const recordIdOf = (record: MainCouranteRecord) => (record.kind === 'entry' ? record.entry.id : record.kind === 'flag' ? record.flag.id : record.verification.id);

/**
 * The main courante's rescue (see `DocRescue`): a person's entries without a receipt (the server writes the
 * receipt with the entry, so none means not acknowledged), her flags and her verification records are kept when the local copy is
 * dropped, then sent again or shown as refused.
 */
export function mainCouranteRescue(sessionId: string): DocRescue<MainCouranteRecord> {
  const unacknowledged = (doc: Y.Doc) => {
    const receipts = receiptsOf(doc);
    return entriesOf(doc)
      .toArray()
      .filter((e) => e.sessionId === sessionId && !receipts.has(e.id));
  };
  return {
    pending(doc) {
      return [
        ...unacknowledged(doc).map((entry): MainCouranteRecord => ({ kind: 'entry', entry })),
        ...flagsOf(doc)
          .toArray()
          .filter((f) => f.sessionId === sessionId)
          .map((flag): MainCouranteRecord => ({ kind: 'flag', flag })),
        ...verificationsOf(doc)
          .toArray()
          .filter((v) => v.sessionId === sessionId)
          .map((verification): MainCouranteRecord => ({ kind: 'verification', verification })),
      ];
    },
    missing(doc, pending) {
      const known = new Set([
        ...entriesOf(doc)
          .toArray()
          .map((e) => e.id),
        ...flagsOf(doc)
          .toArray()
          .map((f) => f.id),
        ...verificationsOf(doc)
          .toArray()
          .map((v) => v.id),
      ]);
      return pending.filter((record) => !known.has(recordIdOf(record)));
    },
    resend(doc, records) {
      doc.transact(() => {
        appendEntries(
          doc,
          records.flatMap((r) => (r.kind === 'entry' ? [r.entry] : [])),
        );
        for (const r of records) if (r.kind === 'flag') appendFlag(doc, r.flag);
        for (const r of records) if (r.kind === 'verification') appendVerification(doc, r.verification);
      });
    },
    restatement(doc) {
      const ids = new Set(unacknowledged(doc).map((e) => e.id));
      if (ids.size === 0) return null;
      // From the first clock of an unacknowledged entry onwards, per client id that wrote one.
      const from = new Map<number, number>();
      for (let item = entriesOf(doc)._start; item; item = item.right) {
        if (!(item.content instanceof Y.ContentAny)) continue;
        const values = item.content.arr as MainCouranteEntry[];
        const index = values.findIndex((e) => ids.has(e.id));
        if (index < 0) continue;
        const clock = item.id.clock + index;
        from.set(item.id.client, Math.min(clock, from.get(item.id.client) ?? clock));
      }
      const target = Y.decodeStateVector(Y.encodeStateVector(doc));
      for (const [client, clock] of from) target.set(client, clock);
      return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target));
    },
  };
}
