import type { RoomState } from '../../shared/room-state.js';
import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { exerciseMessages } from './messages.js';

const hasScenario = (state: RoomState) => state.exercise.scenario !== null || state.exercise.animator !== null;

/**
 * The exercise's tabs. The director reads every cell's stimuli in the console, so the inbox tab is for
 * players (their cell) and for evaluators and observers (every cell, read-only). The header shows the
 * inbox badge (and its beep).
 */
export const exerciseClient = defineClientFeature({
  id: 'exercise',
  sections: [
    { id: 'briefing', labelKey: 'section.briefing', Component: lazyComponent(() => import('./BriefingSection.js').then((m) => m.BriefingSection)), visible: hasScenario },
    {
      id: 'inbox',
      labelKey: 'section.inbox',
      roles: ['player', 'evaluator', 'observer'],
      Component: lazyComponent(() => import('./InboxSection.js').then((m) => m.InboxSection)),
      visible: hasScenario,
    },
    { id: 'animator', labelKey: 'section.animator', roles: ['director'], Component: lazyComponent(() => import('./AnimatorSection.js').then((m) => m.AnimatorSection)) },
    {
      id: 'evaluation',
      labelKey: 'section.evaluation',
      roles: ['director', 'evaluator'],
      Component: lazyComponent(() => import('./EvaluationSection.js').then((m) => m.EvaluationSection)),
      visible: hasScenario,
    },
  ],
  summaries: [lazyComponent(() => import('./InboxSummary.js').then((m) => m.InboxSummary))],
  messages: exerciseMessages,
});
