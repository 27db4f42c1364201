import { z } from 'zod';
import { defineCommand } from '../core/define.js';
import { conflict, notFound } from '../core/errors.js';
import { CellId } from '../core/roles.js';
import { buildSnapshot, decisionsOf } from './snapshot.js';
import { pointIn, requireSitrepValidator, requireSitrepWriter } from './rules.js';
import { SitrepNumber, SitrepRecipient } from './state.js';
import { sitrepOpened, sitrepRejected, sitrepScheduleSet, sitrepSent, sitrepSubmitted, sitrepValidated, sitrepValidatorSet } from './events.js';

/**
 * The workflow of points de situation. The summary itself is co-edited in the point's Yjs document; these
 * commands open a point (the server assembles its snapshot), move it along brouillon → soumis → validé, and the
 * server freezes the validated text (`shared/sitrep/freeze.ts`). What is frozen is what the *server* read.
 */
const Ref = z.object({ n: SitrepNumber });
const dayMs = 24 * 3_600_000;
const ExerciseTime = z
  .number()
  .int()
  .min(0)
  .max(365 * dayMs);
const EveryMinutes = z
  .number()
  .int()
  .min(15)
  .max(24 * 60);

export const openSitrep = defineCommand({
  type: 'sitrep.open',
  description: 'Ouvrir le point de situation suivant : le serveur y relève l’état de la salle (offre de soins, chaîne d’alerte, décisions, actions, communication).',
  payload: z.object({ at: ExerciseTime.optional() }),
  allowed: ['director', 'player'],
  example: {},
  decide: ({ state, actor, payload, now }) => {
    requireSitrepWriter(actor);
    const n = state.sitrep.points.length + 1;
    if (!SitrepNumber.safeParse(n).success) throw conflict('Nombre maximal de points de situation atteint.');
    const exerciseTime = payload.at ?? now.exerciseTime;
    // The point's nominal time on the wall clock too, at the clock's current pace (a crisis runs at ×1).
    const wallTime = Math.round(now.wallTime + (exerciseTime - now.exerciseTime) / state.clock.speed);
    return [sitrepOpened.draft({ n, at: { wallTime, exerciseTime }, snapshot: buildSnapshot(state, now, decisionsOf(state)) }, 'all')];
  },
});

export const submitSitrep = defineCommand({
  type: 'sitrep.submit',
  description: 'Soumettre le point de situation à la cellule qui valide (sa synthèse ne change plus pendant la relecture).',
  payload: Ref,
  allowed: ['director', 'player'],
  example: { n: 1 },
  decide: ({ state, actor, payload }) => {
    requireSitrepWriter(actor);
    const point = pointIn(state, payload.n, ['brouillon']);
    return [sitrepSubmitted.draft({ n: point.n }, 'all')];
  },
});

export const validateSitrep = defineCommand({
  type: 'sitrep.validate',
  description: 'Valider le point de situation soumis : le serveur le fige (texte et empreinte SHA-256 dans le journal).',
  payload: Ref,
  allowed: ['director', 'player'],
  example: { n: 1 },
  decide: ({ state, actor, payload }) => {
    requireSitrepValidator(actor, state);
    const point = pointIn(state, payload.n, ['soumis']);
    return [sitrepValidated.draft({ n: point.n }, 'all')];
  },
});

export const rejectSitrep = defineCommand({
  type: 'sitrep.reject',
  description: 'Renvoyer le point de situation soumis en brouillon, avec le motif.',
  payload: Ref.extend({ reason: z.string().trim().min(1).max(4000) }),
  allowed: ['director', 'player'],
  example: { n: 1, reason: 'Ajouter le nombre de lits perdus au CHU.' },
  decide: ({ state, actor, payload }) => {
    requireSitrepValidator(actor, state);
    const point = pointIn(state, payload.n, ['soumis']);
    return [sitrepRejected.draft({ n: point.n, reason: payload.reason }, 'all')];
  },
});

export const setSitrepValidator = defineCommand({
  type: 'sitrep.setValidator',
  description: 'Désigner la cellule qui valide les points de situation (la Préfecture par défaut).',
  payload: z.object({ cell: CellId }),
  allowed: ['director'],
  example: { cell: 'prefecture' },
  decide: ({ state, payload }) => {
    if (!state.room.cells.some((c) => c.id === payload.cell)) throw notFound(`Cellule « ${payload.cell} » inconnue dans cette salle.`);
    return [sitrepValidatorSet.draft(payload, 'all')];
  },
});

export const setSitrepSchedule = defineCommand({
  type: 'sitrep.setSchedule',
  description: 'Fixer le rythme des points de situation : toutes les N minutes à partir d’une heure d’exercice (ms depuis DEBEX/T0) ou d’une heure réelle.',
  payload: z.union([z.object({ everyMinutes: EveryMinutes, fromExerciseTime: ExerciseTime }), z.object({ everyMinutes: EveryMinutes, fromWallTime: z.number().int().min(0) })]),
  allowed: ['director'],
  example: { everyMinutes: 120, fromExerciseTime: 0 },
  decide: ({ state, payload, now }) => {
    const fromWallTime = 'fromWallTime' in payload ? payload.fromWallTime : null;
    // A wall time is turned into exercise time at the clock's current pace: the automation runs on that clock.
    const firstDueAt = 'fromExerciseTime' in payload ? payload.fromExerciseTime : Math.round(now.exerciseTime + (payload.fromWallTime - now.wallTime) * state.clock.speed);
    return [sitrepScheduleSet.draft({ everyMinutes: payload.everyMinutes, firstDueAt, fromWallTime, setAt: now.exerciseTime }, 'all')];
  },
});

export const sendSitrepToAnimation = defineCommand({
  type: 'sitrep.sendToAnimation',
  description: "En exercice, transmettre un point validé à l'animation (COD, CORRUSS ou direction de l'ARS, joués par les animateurs).",
  payload: Ref.extend({ to: SitrepRecipient }),
  allowed: ['player'],
  example: { n: 1, to: 'cod' },
  decide: ({ state, actor, payload }) => {
    requireSitrepWriter(actor);
    if (state.room.mode !== 'exercise') throw conflict("Hors exercice, il n'y a pas d'animation à qui transmettre.");
    const point = pointIn(state, payload.n, ['valide', 'fige']);
    if (point.sentTo.some((s) => s.to === payload.to)) throw conflict(`Le point n°${point.n} a déjà été transmis à ce destinataire.`);
    return [sitrepSent.draft({ n: point.n, to: payload.to }, 'all')];
  },
});

export const sitrepCommands = [openSitrep, submitSitrep, validateSitrep, rejectSitrep, setSitrepValidator, setSitrepSchedule, sendSitrepToAnimation];
