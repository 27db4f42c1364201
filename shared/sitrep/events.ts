import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import { CellId } from '../core/roles.js';
import type { RoomState } from '../room-state.js';
import { SitrepSnapshot } from './snapshot-schema.js';
import { maxSitrepTextLength, SitrepNumber, SitrepRecipient, type SitrepPoint, type SitrepSigner, type SitrepStamp } from './state.js';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Ref = z.object({ n: SitrepNumber });

const signerOf = (event: RoomEvent): SitrepSigner => ({ name: event.actor.name, role: event.actor.role ?? null, cell: event.actor.cell ?? null });
const stampOf = (event: RoomEvent): SitrepStamp => ({ wallTime: event.wallTime, exerciseTime: event.exerciseTime });

function updatePoint(state: RoomState, n: number, change: (point: SitrepPoint) => SitrepPoint): RoomState {
  return { ...state, sitrep: { ...state.sitrep, points: state.sitrep.points.map((p) => (p.n === n ? change(p) : p)) } };
}

export const sitrepOpened = defineEvent({
  type: 'sitrep.opened',
  description: 'Un point de situation est ouvert, numéroté, avec l’état de la salle à cet instant (offre de soins, chaîne d’alerte, décisions, actions, communication).',
  payload: z.object({ n: SitrepNumber, at: z.object({ wallTime: z.number().int(), exerciseTime: z.number().int() }), snapshot: SitrepSnapshot }),
  apply: (state, p, event) => {
    const point: SitrepPoint = { n: p.n, status: 'brouillon', at: p.at, openedBy: signerOf(event), snapshot: p.snapshot, submitted: null, validated: null, frozen: null, rejections: [], sentTo: [] };
    return { ...state, sitrep: { ...state.sitrep, points: [...state.sitrep.points, point] } };
  },
});

export const sitrepSubmitted = defineEvent({
  type: 'sitrep.submitted',
  description: 'Le point de situation est soumis à validation : sa synthèse ne change plus pendant la relecture.',
  payload: Ref,
  apply: (state, p, event) => updatePoint(state, p.n, (pt) => ({ ...pt, status: 'soumis', submitted: { by: signerOf(event), at: stampOf(event) } })),
});

export const sitrepValidated = defineEvent({
  type: 'sitrep.validated',
  description: 'La cellule désignée valide le point de situation ; le serveur va le figer.',
  payload: Ref,
  apply: (state, p, event) => updatePoint(state, p.n, (pt) => ({ ...pt, status: 'valide', validated: { by: signerOf(event), at: stampOf(event) } })),
});

export const sitrepFrozen = defineEvent({
  type: 'sitrep.frozen',
  description: 'Le serveur fige le point validé : la synthèse lue dans sa copie du document et son empreinte SHA-256. Il ne change plus.',
  payload: Ref.extend({ text: z.string().max(maxSitrepTextLength), hash: Hash }),
  apply: (state, p, event) => updatePoint(state, p.n, (pt) => ({ ...pt, status: 'fige', frozen: { text: p.text, hash: p.hash, at: stampOf(event) } })),
});

export const sitrepRejected = defineEvent({
  type: 'sitrep.rejected',
  description: 'Le valideur renvoie le point de situation en brouillon, avec le motif.',
  payload: Ref.extend({ reason: z.string() }),
  apply: (state, p, event) =>
    updatePoint(state, p.n, (pt) => ({ ...pt, status: 'brouillon', submitted: null, rejections: [...pt.rejections, { by: signerOf(event), reason: p.reason, at: stampOf(event) }] })),
});

export const sitrepValidatorSet = defineEvent({
  type: 'sitrep.validatorSet',
  description: 'La cellule qui valide les points de situation est désignée.',
  payload: z.object({ cell: CellId }),
  apply: (state, p) => ({ ...state, sitrep: { ...state.sitrep, validatorCell: p.cell } }),
});

export const sitrepScheduleSet = defineEvent({
  type: 'sitrep.scheduleSet',
  description: 'Le rythme des points de situation est fixé (« toutes les 2 h à partir de 10 h 00 »), en heure d’exercice.',
  payload: z.object({ everyMinutes: z.number().int().positive(), firstDueAt: z.number().int(), fromWallTime: z.number().int().nullable(), setAt: z.number().int() }),
  apply: (state, p) => ({ ...state, sitrep: { ...state.sitrep, schedule: { ...p } } }),
});

export const sitrepReminder = defineEvent({
  type: 'sitrep.reminder',
  description: 'Rappel du serveur : un point de situation est attendu bientôt.',
  payload: z.object({ dueAt: z.number().int() }),
  apply: (state, p) => ({ ...state, sitrep: { ...state.sitrep, reminded: [...state.sitrep.reminded, p.dueAt] } }),
});

export const sitrepLate = defineEvent({
  type: 'sitrep.late',
  description: 'Aucun point de situation validé à l’heure prévue : le point est compté en retard (une fois).',
  payload: z.object({ dueAt: z.number().int() }),
  apply: (state, p) => ({ ...state, sitrep: { ...state.sitrep, late: [...state.sitrep.late, p.dueAt] } }),
});

export const sitrepSent = defineEvent({
  type: 'sitrep.sent',
  description: "En exercice, le point validé est transmis à l'animation (COD, CORRUSS, direction de l'ARS), qui peut y répondre par des stimuli.",
  payload: Ref.extend({ to: SitrepRecipient }),
  apply: (state, p, event) => updatePoint(state, p.n, (pt) => ({ ...pt, sentTo: [...pt.sentTo, { to: p.to, by: signerOf(event), at: stampOf(event) }] })),
});

export const sitrepEvents = [sitrepOpened, sitrepSubmitted, sitrepValidated, sitrepFrozen, sitrepRejected, sitrepValidatorSet, sitrepScheduleSet, sitrepReminder, sitrepLate, sitrepSent];
