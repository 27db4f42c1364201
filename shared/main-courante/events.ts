import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomState } from '../room-state.js';
import { MainCouranteEntry, Receipt, SignificanceFlag } from './entry.js';
import type { SignificantEntry } from './state.js';
import { dictGet, dictHas, dictSet } from '../core/dict.js';
import { isLater, isVerifiable, VerificationRecord } from './verification.js';

/**
 * Mirror events: the server appends one to the room log for each entry (or flag) it accepted in the
 * `main-courante` document, with the author as actor. They are never sent as commands.
 */

function promote(state: RoomState, entry: SignificantEntry): RoomState {
  const summary = state.mainCourante;
  if (summary.significant.some((s) => s.id === entry.id)) return state;
  return { ...state, mainCourante: { ...summary, significant: [...summary.significant, entry] } };
}

/**
 * An entry of a cell pointing at a stimulus its cell received counts as an action on that stimulus
 * (the measures of the grid and of the RETEX: shared/exercise/stimulus-measures.ts).
 */
function withStimulusEntry(state: RoomState, entry: MainCouranteEntry, exerciseTime: number): RoomState {
  const stimulusId = entry.links?.stimulusId;
  const item = stimulusId ? dictGet(state.exercise.inbox, stimulusId) : undefined;
  if (!item || !entry.cell || !item.recipients.includes(entry.cell)) return state;
  const entries = [...(item.entries ?? []), { cell: entry.cell, entryId: entry.id, exerciseTime }];
  return { ...state, exercise: { ...state.exercise, inbox: dictSet(state.exercise.inbox, item.id, { ...item, entries }) } };
}

export const entryAdded = defineEvent({
  type: 'mainCourante.entryAdded',
  description: 'Une entrée est inscrite à la main courante (copie au journal de la salle, couverte par la chaîne de hachage).',
  payload: z.object({ entry: MainCouranteEntry, receipt: Receipt }),
  apply: (state, { entry, receipt }, event) => {
    const summary = state.mainCourante;
    const counted: RoomState = {
      ...withStimulusEntry(state, entry, event.exerciseTime),
      mainCourante: {
        ...summary,
        informations:
          isVerifiable(entry) && !dictHas(summary.informations, entry.id) ? dictSet(summary.informations, entry.id, { cell: entry.cell, status: 'a_verifier', setBy: null }) : summary.informations,
        count: summary.count + 1,
        lateCount: summary.lateCount + (receipt.late ? 1 : 0),
        lastEntryAt: Math.max(summary.lastEntryAt ?? 0, entry.authoredAt),
      },
    };
    if (!entry.significant) return counted;
    const { id, type, text, author, cell, authoredAt } = entry;
    return promote(counted, { id, type, text, author, cell, authoredAt, receivedAt: receipt.receivedAt, flaggedBy: null });
  },
});

export const entryFlagged = defineEvent({
  type: 'mainCourante.entryFlagged',
  description: 'Une entrée existante est signalée comme événement significatif et remonte dans la synthèse de la salle.',
  payload: z.object({ flag: SignificanceFlag, entry: MainCouranteEntry, receivedAt: z.number().int() }),
  apply: (state, { flag, entry, receivedAt }) => {
    const { id, type, text, author, cell, authoredAt } = entry;
    const counted = { ...state, mainCourante: { ...state.mainCourante, flagCount: state.mainCourante.flagCount + 1 } };
    return promote(counted, { id, type, text, author, cell, authoredAt, receivedAt, flaggedBy: flag.author });
  },
});

export const entryVerified = defineEvent({
  type: 'mainCourante.entryVerified',
  description: 'Une information de la main courante est déclarée vérifiée ou infirmée par sa cellule (enregistrement ajouté, l’entrée reste telle quelle).',
  payload: z.object({ verification: VerificationRecord, entry: MainCouranteEntry }),
  apply: (state, { verification, entry }) => {
    const summary = state.mainCourante;
    const mark = dictGet(summary.informations, entry.id);
    const counted = { ...summary, verificationCount: summary.verificationCount + 1 };
    // The latest record by its author's time wins, whatever order offline records reach the log in.
    if (mark?.setBy && !isLater(verification, mark.setBy)) return { ...state, mainCourante: counted };
    const setBy = { id: verification.id, verifiedAt: verification.verifiedAt };
    const informations = dictSet(summary.informations, entry.id, { cell: entry.cell, status: verification.status, setBy });
    return { ...state, mainCourante: { ...counted, informations } };
  },
});

export const mainCouranteEvents = [entryAdded, entryFlagged, entryVerified];
