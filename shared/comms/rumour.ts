import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import { Channel } from '../core/channels.js';
import type { RoomState } from '../room-state.js';
import { DraftId, type Rumour } from './draft.js';
import { signerOfEvent } from './events.js';

/**
 * The rumours log (rumeur → démenti): what the cell saw circulating, where, when, and how it answered it.
 * A rumour is recorded when someone of the cell notices it (possibly a few minutes after it was seen); its
 * denial is a text or a published communication, later. The delay between the two is a RETEX measure.
 */

export const RumourId = z.string().regex(/^r[0-9]{1,6}$/, 'identifiant de rumeur attendu (r1, r2…)');
export type RumourId = z.infer<typeof RumourId>;

export const RumourText = z.string().trim().min(1).max(2000);

/** How long before its recording a rumour may be said to have been seen (minutes): half a day. */
export const maxSeenMinutesAgo = 720;

const updateRumour = (state: RoomState, id: string, change: (r: Rumour) => Rumour): RoomState => ({
  ...state,
  comms: { ...state.comms, rumours: state.comms.rumours.map((r) => (r.id === id ? change(r) : r)) },
});

export const rumourRecorded = defineEvent({
  type: 'comms.rumourRecorded',
  description: 'Une rumeur est relevée : son texte, où elle a été vue, par qui elle circule et quand elle a été vue.',
  payload: z.object({ id: RumourId, text: RumourText, channel: Channel, source: z.string().max(200), seenMinutesAgo: z.number().int().min(0).max(maxSeenMinutesAgo) }),
  apply: (state, p, event) => {
    const ago = p.seenMinutesAgo * 60_000;
    const rumour: Rumour = {
      id: p.id,
      text: p.text,
      channel: p.channel,
      source: p.source,
      by: signerOfEvent(event.actor),
      seenAt: event.wallTime - ago,
      seenExerciseTime: Math.max(0, event.exerciseTime - ago),
      denial: null,
    };
    return { ...state, comms: { ...state.comms, rumours: [...state.comms.rumours, rumour] } };
  },
});

export const rumourDenied = defineEvent({
  type: 'comms.rumourDenied',
  description: 'Une rumeur est démentie : par un texte, ou par une communication publiée (sa version publiée est notée).',
  payload: z.object({ id: RumourId, text: z.string().max(2000), draftId: DraftId.nullable(), version: z.number().int().positive().nullable() }),
  apply: (state, p, event) =>
    updateRumour(state, p.id, (r) => ({
      ...r,
      denial: { text: p.text, draftId: p.draftId, version: p.version, by: signerOfEvent(event.actor), at: event.wallTime, exerciseTime: event.exerciseTime },
    })),
});

/** From seen to denied, on the exercise clock (ms); null while it stands. */
export const denialDelay = (rumour: Rumour): number | null => (rumour.denial ? Math.max(0, rumour.denial.exerciseTime - rumour.seenExerciseTime) : null);

export const rumourEvents = [rumourRecorded, rumourDenied];
