import { z } from 'zod';
import { conflict, invalid, notFound } from '../core/errors.js';
import { defineCommand, defineEvent } from '../core/define.js';
import { limits } from '../core/limits.js';
import type { RoomState } from '../room-state.js';
import { observationKey, type EvaluationState } from './stimuli-state.js';
import { dictDelete, dictGet, dictSet } from '../core/dict.js';

/** The evaluation grid lives in the staff projection: evaluators and the animation team, never players. */
function observerKit(state: RoomState) {
  const kit = state.exercise.observerKit;
  if (!kit) throw conflict("Cette salle n'a pas de grille d'évaluation.");
  return kit;
}

/** The grid's own criteria are observed under this pseudo-stimulus (evaluators do not see the chronogramme). */
export const gridStimulusId = 'grille';

/**
 * Whether `(stimulusId, actionId)` is something the grid can tick: a criterion of the grid or an expected action
 * it lists (under {@link gridStimulusId}), or an expected action of a stimulus of the scenario.
 */
export function isObservable(kit: NonNullable<RoomState['exercise']['observerKit']>, stimulusId: string, actionId: string): boolean {
  if (stimulusId === gridStimulusId) {
    return kit.grid.some((section) => section.criteria.some((c) => c.id === actionId || (c.expectedActionIds ?? []).includes(actionId)));
  }
  return kit.expectedActions.some((a) => a.stimulusId === stimulusId && a.id === actionId);
}

const Comment = z.string().trim().max(limits.maxTextLength).default('');

function withEvaluation(state: RoomState, change: (e: EvaluationState) => Partial<EvaluationState>): RoomState {
  const evaluation = state.exercise.evaluation;
  return { ...state, exercise: { ...state.exercise, evaluation: { ...evaluation, ...change(evaluation) } } };
}

export const actionObserved = defineEvent({
  type: 'evaluation.actionObserved',
  description: 'Un évaluateur coche une action attendue, avec l’heure d’exercice et un commentaire.',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), comment: z.string() }),
  apply: (state, p, event) =>
    withEvaluation(state, (e) => ({ observed: dictSet(e.observed, observationKey(p.stimulusId, p.actionId), { ...p, by: event.actor.name, exerciseTime: event.exerciseTime }) })),
});

export const observationRetracted = defineEvent({
  type: 'evaluation.observationRetracted',
  description: 'Un évaluateur retire une action cochée par erreur (la coche reste dans le journal).',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), reason: z.string() }),
  apply: (state, p) => withEvaluation(state, (e) => ({ observed: dictDelete(e.observed, observationKey(p.stimulusId, p.actionId)) })),
});

export const observationCommented = defineEvent({
  type: 'evaluation.observationCommented',
  description: 'Un évaluateur ajoute ou corrige le commentaire d’une action déjà cochée (l’heure de la coche ne change pas).',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), comment: z.string() }),
  apply: (state, p) =>
    withEvaluation(state, (e) => {
      const key = observationKey(p.stimulusId, p.actionId);
      const tick = dictGet(e.observed, key);
      return tick ? { observed: dictSet(e.observed, key, { ...tick, comment: p.comment }) } : {};
    }),
});

export const objectiveScored = defineEvent({
  type: 'evaluation.objectiveScored',
  description: 'Un évaluateur note un objectif sur l’échelle du scénario.',
  payload: z.object({ objectiveId: z.string(), score: z.number(), comment: z.string() }),
  apply: (state, p, event) => withEvaluation(state, (e) => ({ scores: dictSet(e.scores, p.objectiveId, { ...p, by: event.actor.name, exerciseTime: event.exerciseTime }) })),
});

export const observationAdded = defineEvent({
  type: 'evaluation.observationAdded',
  description: 'Un évaluateur écrit une observation (liée ou non à un objectif).',
  payload: z.object({ text: z.string(), objectiveId: z.string().nullable() }),
  apply: (state, p, event) => withEvaluation(state, (e) => ({ observations: [...e.observations, { ...p, by: event.actor.name, exerciseTime: event.exerciseTime }] })),
});

export const observeAction = defineCommand({
  type: 'evaluation.observeAction',
  description: 'Cocher une action attendue d’un stimulus (heure d’exercice enregistrée par le serveur).',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), comment: Comment }),
  allowed: ['director', 'evaluator'],
  example: { stimulusId: 'S01', actionId: 'A1', comment: 'Alerte du préfet à T+25' },
  decide: ({ state, payload }) => {
    const kit = observerKit(state);
    if (!isObservable(kit, payload.stimulusId, payload.actionId)) {
      throw notFound(`Action attendue « ${payload.stimulusId}/${payload.actionId} » inconnue de la grille et du scénario.`);
    }
    return [actionObserved.draft(payload, 'staff')];
  },
});

export const retractObservation = defineCommand({
  type: 'evaluation.retractObservation',
  description: 'Retirer une action cochée par erreur (nouvel événement : le journal garde la coche et son retrait).',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), reason: Comment }),
  allowed: ['director', 'evaluator'],
  example: { stimulusId: 'S01', actionId: 'A1', reason: 'Cochée sur la mauvaise ligne' },
  decide: ({ state, payload }) => {
    observerKit(state);
    if (!dictGet(state.exercise.evaluation.observed, observationKey(payload.stimulusId, payload.actionId))) throw notFound("Cette action n'est pas cochée.");
    return [observationRetracted.draft(payload, 'staff')];
  },
});

/**
 * The comment of a tick, written after it: an evaluator ticks what they see when they see it (the exercise time is
 * the fact) and explains it when they have a moment — ticking never waits for typing.
 */
export const commentObservation = defineCommand({
  type: 'evaluation.commentObservation',
  description: 'Ajouter ou corriger le commentaire d’une action déjà cochée.',
  payload: z.object({ stimulusId: z.string(), actionId: z.string(), comment: Comment }),
  allowed: ['director', 'evaluator'],
  example: { stimulusId: 'S01', actionId: 'A1', comment: 'Alerte du préfet à T+25' },
  decide: ({ state, payload }) => {
    observerKit(state);
    if (!dictGet(state.exercise.evaluation.observed, observationKey(payload.stimulusId, payload.actionId))) throw notFound("Cette action n'est pas cochée.");
    return [observationCommented.draft(payload, 'staff')];
  },
});

export const scoreObjective = defineCommand({
  type: 'evaluation.scoreObjective',
  description: 'Noter un objectif sur l’échelle du scénario.',
  payload: z.object({ objectiveId: z.string(), score: z.number().int(), comment: Comment }),
  allowed: ['director', 'evaluator'],
  example: { objectiveId: 'chaine-alerte', score: 3, comment: 'Chaîne complète, Préfecture alertée tardivement.' },
  decide: ({ state, payload }) => {
    const kit = observerKit(state);
    if (!kit.objectives.some((o) => o.id === payload.objectiveId)) throw notFound(`Objectif « ${payload.objectiveId} » inconnu.`);
    if (payload.score < kit.scale.min || payload.score > kit.scale.max) throw invalid(`Note attendue entre ${kit.scale.min} et ${kit.scale.max}.`);
    return [objectiveScored.draft(payload, 'staff')];
  },
});

export const addObservation = defineCommand({
  type: 'evaluation.addObservation',
  description: 'Écrire une observation libre (liée ou non à un objectif).',
  payload: z.object({ text: z.string().trim().min(1).max(limits.maxTextLength), objectiveId: z.string().nullable().default(null) }),
  allowed: ['director', 'evaluator'],
  example: { text: 'Bonne articulation ARS–Préfecture au point de situation de 10 h.', objectiveId: null },
  decide: ({ state, payload }) => {
    observerKit(state);
    return [observationAdded.draft(payload, 'staff')];
  },
});

export const evaluationEvents = [actionObserved, observationRetracted, observationCommented, objectiveScored, observationAdded];
export const evaluationCommands = [observeAction, retractObservation, commentObservation, scoreObjective, addObservation];
