import { useCallback, useEffect, useMemo, useState } from 'react';
import { exerciseTimeAt } from '../../shared/exercise/clock.js';
import { appendEntries, appendFlag, appendVerification, mainCouranteDocName, newRecordId, readEntries, type EntryView } from '../../shared/main-courante/doc.js';
import type { VerificationVerdict } from '../../shared/main-courante/verification.js';
import type { EntryLinks, EntryType, MainCouranteEntry } from '../../shared/main-courante/entry.js';
import { writesSharedDocs } from '../../shared/comms/rules.js';
import type { SectionProps } from '../room/section.js';
import { useRoomDoc } from '../collab/useRoomDoc.js';
import type { DocSnapshot } from '../collab/room-doc-connection.js';
import { mainCouranteRescue, type MainCouranteRecord } from './offline-rescue.js';

export interface EntryDraft {
  type: EntryType;
  text: string;
  significant: boolean;
  corrects: string | null;
  links: EntryLinks;
}

export interface MainCourante {
  snapshot: DocSnapshot<MainCouranteRecord> | null;
  entries: EntryView[];
  canWrite: boolean;
  add(draft: EntryDraft): void;
  flag(entryId: string): void;
  /** Declares an information « vérifiée » or « infirmée »: a new record, the entry stays as written. */
  verify(entryId: string, status: VerificationVerdict): void;
}

/**
 * The main courante document of the room, read as sorted entries (recomputed at most once per frame), and the
 * three ways to write in it: a new entry, a significance flag, a verification record. The author's fields come from the session and the
 * time from the server clock estimate, so an entry written offline keeps the time it was really written.
 */
export function useMainCourante({ me, state, serverNow }: Pick<SectionProps, 'me' | 'state' | 'serverNow'>): MainCourante {
  // What the server refused or never got of this person's entries survives a reload of the document.
  const rescue = useMemo(() => mainCouranteRescue(me.sessionId), [me.sessionId]);
  const snapshot = useRoomDoc(me, mainCouranteDocName, rescue);
  const doc = snapshot?.doc ?? null;
  const [entries, setEntries] = useState<EntryView[]>([]);

  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const refresh = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setEntries(readEntries(doc));
      });
    };
    setEntries(readEntries(doc));
    doc.on('update', refresh);
    return () => {
      doc.off('update', refresh);
      cancelAnimationFrame(frame);
    };
  }, [doc]);

  const clock = state.clock;
  const add = useCallback(
    (draft: EntryDraft) => {
      if (!doc) return;
      const now = serverNow();
      const entry: MainCouranteEntry = {
        id: newRecordId(),
        ...draft,
        text: draft.text.trim(),
        sessionId: me.sessionId,
        author: me.name,
        role: me.role,
        cell: me.cell ?? null,
        authoredAt: Math.round(now),
        authoredExerciseTime: clock.status === 'not_started' ? null : exerciseTimeAt(clock, now),
      };
      appendEntries(doc, [entry]);
    },
    [doc, me, clock, serverNow],
  );

  const flag = useCallback(
    (entryId: string) => {
      if (!doc) return;
      const flaggedAt = Math.round(serverNow());
      appendFlag(doc, { id: newRecordId(), entryId, sessionId: me.sessionId, author: me.name, role: me.role, cell: me.cell ?? null, flaggedAt });
    },
    [doc, me, serverNow],
  );

  const verify = useCallback(
    (entryId: string, status: VerificationVerdict) => {
      if (!doc) return;
      const now = serverNow();
      appendVerification(doc, {
        id: newRecordId(),
        entryId,
        status,
        sessionId: me.sessionId,
        author: me.name,
        role: me.role,
        cell: me.cell ?? null,
        verifiedAt: Math.round(now),
        verifiedExerciseTime: clock.status === 'not_started' ? null : exerciseTimeAt(clock, now),
      });
    },
    [doc, me, clock, serverNow],
  );

  return { snapshot, entries, canWrite: writesSharedDocs(me, state), add, flag, verify };
}
