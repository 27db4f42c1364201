import { z } from 'zod';
import { defineEvent } from '../core/define.js';
import type { RoomEvent } from '../core/events.js';
import type { RoomState } from '../room-state.js';
import { Objective, Scenario } from './scenario.js';
import { ObserverKit } from './scenario-kit.js';
import { parseOffset } from './scenario-offset.js';
import { eventSatisfies } from './scenario-conditions.js';
import { Stimulus } from './scenario-stimulus.js';
import { PlayerScenarioView } from './scenario-views.js';
import type { ChronogrammeItem, ExerciseState, InboxItem } from './stimuli-state.js';
import { dictFrom, dictGet, dictSet } from '../core/dict.js';

const withExercise = (state: RoomState, change: (x: ExerciseState) => Partial<ExerciseState>): RoomState => ({
  ...state,
  exercise: { ...state.exercise, ...change(state.exercise) },
});

/** Changes one row of the animator's chronogramme (no-op in projections that have none). */
function updateItem(state: RoomState, id: string, change: (item: ChronogrammeItem) => ChronogrammeItem): RoomState {
  const animator = state.exercise.animator;
  const item = dictGet(animator?.items, id);
  if (!animator || !item) return state;
  return withExercise(state, () => ({ animator: { ...animator, items: dictSet(animator.items, id, change(item)) } }));
}

function updateInbox(state: RoomState, id: string, change: (item: InboxItem) => InboxItem): RoomState {
  const item = dictGet(state.exercise.inbox, id);
  return item ? withExercise(state, (x) => ({ inbox: dictSet(x.inbox, id, change(item)) })) : state;
}

export function newItem(stimulus: Stimulus, adHoc: boolean, inReplyTo: string | null = null): ChronogrammeItem {
  const waiting = stimulus.condition?.kind === 'after_event';
  return { stimulus, status: waiting ? 'waiting' : 'scheduled', deferredTo: null, conditionMetAt: null, injectedAt: null, adHoc, inReplyTo };
}

/** Chronological order of the chronogramme: by offset, then by position in the file. */
function orderOf(items: Record<string, ChronogrammeItem>): string[] {
  return Object.values(items)
    .map((item, index) => ({ id: item.stimulus.id, at: item.deferredTo ?? parseOffset(item.stimulus.offset), index }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((x) => x.id);
}

const ObservableAction = z.object({
  id: z.string(),
  stimulusId: z.string(),
  label: z.string(),
  criterion: z.string(),
  objective: z.string(),
  deadline: z.string().optional(),
});

export const scenarioLoaded = defineEvent({
  type: 'exercise.scenarioLoaded',
  description: "Le scénario complet (kit d'animation) est chargé — visible de l'animation seule.",
  payload: z.object({ scenario: Scenario }),
  apply: (state, { scenario }) => {
    const items = dictFrom(scenario.chronogramme.map((s) => [s.id, newItem(s, false)] as const));
    return withExercise(state, () => ({ animator: { scenario, items, order: orderOf(items) } }));
  },
});

export const briefingPublished = defineEvent({
  type: 'exercise.briefingPublished',
  description: 'Dossier de mise en situation, règles du jeu et kit joueur, visibles de tous.',
  payload: z.object({ view: PlayerScenarioView }),
  apply: (state, { view }) => withExercise(state, () => ({ scenario: view })),
});

export const observerKitPublished = defineEvent({
  type: 'exercise.observerKitPublished',
  description: "Kit observateur (grille d'évaluation) — évaluateurs et animation seulement.",
  payload: z.object({ observerKit: ObserverKit, objectives: z.array(Objective), expectedActions: z.array(ObservableAction).default([]) }),
  apply: (state, { observerKit, objectives, expectedActions }) => withExercise(state, () => ({ observerKit: { ...observerKit, objectives, expectedActions } })),
});

export const stimulusInjected = defineEvent({
  type: 'stimulus.injected',
  description: 'Un stimulus est remis à ses cellules destinataires (seuls son émetteur, son canal et son contenu).',
  payload: z.object({ item: z.custom<InboxItem>((v) => typeof v === 'object' && v !== null), due: z.number().nullable() }),
  apply: (state, { item }, event) => {
    const next = withExercise(state, (x) => ({ inbox: dictSet(x.inbox, item.id, item), inboxOrder: dictGet(x.inbox, item.id) ? x.inboxOrder : [...x.inboxOrder, item.id] }));
    return updateItem(next, item.id, (i) => ({ ...i, status: 'injected', injectedAt: event.exerciseTime }));
  },
});

export const stimulusSkipped = defineEvent({
  type: 'stimulus.skipped',
  description: "L'animateur retire un stimulus du chronogramme.",
  payload: z.object({ id: z.string() }),
  apply: (state, { id }) => updateItem(state, id, (i) => ({ ...i, status: 'skipped' })),
});

export const stimulusCancelled = defineEvent({
  type: 'stimulus.cancelled',
  description: "Stimulus de contingence annulé : l'action qu'il vérifie a eu lieu à temps.",
  payload: z.object({ id: z.string() }),
  apply: (state, { id }) => updateItem(state, id, (i) => ({ ...i, status: 'cancelled' })),
});

export const stimulusDeferred = defineEvent({
  type: 'stimulus.deferred',
  description: "L'animateur décale un stimulus à une autre heure d'exercice.",
  payload: z.object({ id: z.string(), to: z.number().int().min(0) }),
  apply: (state, { id, to }) => {
    const next = updateItem(state, id, (i) => ({ ...i, deferredTo: to, status: i.status === 'waiting' ? 'waiting' : 'scheduled' }));
    const animator = next.exercise.animator;
    return animator ? withExercise(next, () => ({ animator: { ...animator, order: orderOf(animator.items) } })) : next;
  },
});

export const stimulusEdited = defineEvent({
  type: 'stimulus.edited',
  description: "L'animateur modifie un stimulus avant son envoi.",
  payload: z.object({ stimulus: Stimulus }),
  apply: (state, { stimulus }) => updateItem(state, stimulus.id, (i) => ({ ...i, stimulus })),
});

export const stimulusCreated = defineEvent({
  type: 'stimulus.created',
  description: "L'animateur écrit un stimulus hors chronogramme (ou un message d'un acteur simulé).",
  payload: z.object({ stimulus: Stimulus, inReplyTo: z.string().nullable().default(null) }),
  apply: (state, { stimulus, inReplyTo }) => {
    const animator = state.exercise.animator;
    if (!animator) return state;
    const items = dictSet(animator.items, stimulus.id, newItem(stimulus, true, inReplyTo));
    return withExercise(state, () => ({ animator: { ...animator, items, order: orderOf(items) } }));
  },
});

const CellAct = z.object({ id: z.string(), cell: z.string() });

export const stimulusAcknowledged = defineEvent({
  type: 'stimulus.acknowledged',
  description: 'Une cellule accuse réception d’un stimulus.',
  payload: CellAct,
  apply: (state, { id, cell }, event) => updateInbox(state, id, (i) => ({ ...i, acks: dictSet(i.acks, cell, { by: event.actor.name, exerciseTime: event.exerciseTime, wallTime: event.wallTime }) })),
});

export const stimulusReplied = defineEvent({
  type: 'stimulus.replied',
  description: "Une cellule répond à l'émetteur simulé (l'animation lit et répond).",
  payload: CellAct.extend({ text: z.string() }),
  apply: (state, { id, cell, text }, event) =>
    updateInbox(state, id, (i) => ({ ...i, replies: [...i.replies, { cell, by: event.actor.name, text, exerciseTime: event.exerciseTime, wallTime: event.wallTime }] })),
});

export const stimulusLinked = defineEvent({
  type: 'stimulus.linked',
  description: 'Une cellule relie un stimulus à une entrée de main courante ou à une action.',
  payload: CellAct.extend({ kind: z.enum(['mainCourante', 'alertLink', 'establishment', 'comms']), ref: z.string(), label: z.string() }),
  apply: (state, p, event) =>
    updateInbox(state, p.id, (i) => ({
      ...i,
      links: [...i.links, { cell: p.cell, by: event.actor.name, kind: p.kind, ref: p.ref, label: p.label, exerciseTime: event.exerciseTime, wallTime: event.wallTime }],
    })),
});

export const stimulusEvents = [
  scenarioLoaded,
  briefingPublished,
  observerKitPublished,
  stimulusInjected,
  stimulusSkipped,
  stimulusCancelled,
  stimulusDeferred,
  stimulusEdited,
  stimulusCreated,
  stimulusAcknowledged,
  stimulusReplied,
  stimulusLinked,
];

/**
 * Watches every event for the conditions of the chronogramme: the first matching event's exercise time
 * is recorded on each waiting row. Runs after each event's own reducer; only the director projection has rows.
 */
export function watchStimulusConditions(state: RoomState, event: RoomEvent): RoomState {
  const animator = state.exercise.animator;
  if (!animator) return state;
  let items = animator.items;
  for (const id of animator.order) {
    const item = dictGet(items, id);
    if (!item) continue;
    const condition = item.stimulus.condition;
    if (!condition || item.conditionMetAt !== null || !eventSatisfies(condition, event)) continue;
    items = dictSet(items, id, { ...item, conditionMetAt: event.exerciseTime, status: item.status === 'waiting' ? 'scheduled' : item.status });
  }
  return items === animator.items ? state : withExercise(state, () => ({ animator: { ...animator, items } }));
}
