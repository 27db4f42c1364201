import { lazy } from 'react';
import type { RoomState } from '../../shared/room-state.js';
import { defineClientFeature } from '../app/client-feature.js';
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
    { id: 'briefing', labelKey: 'section.briefing', Component: lazy(() => import('./BriefingSection.js').then((m) => ({ default: m.BriefingSection }))), visible: hasScenario },
    {
      id: 'inbox',
      labelKey: 'section.inbox',
      roles: ['player', 'evaluator', 'observer'],
      Component: lazy(() => import('./InboxSection.js').then((m) => ({ default: m.InboxSection }))),
      visible: hasScenario,
    },
    { id: 'animator', labelKey: 'section.animator', roles: ['director'], Component: lazy(() => import('./AnimatorSection.js').then((m) => ({ default: m.AnimatorSection }))) },
    {
      id: 'evaluation',
      labelKey: 'section.evaluation',
      roles: ['director', 'evaluator'],
      Component: lazy(() => import('./EvaluationSection.js').then((m) => ({ default: m.EvaluationSection }))),
      visible: hasScenario,
    },
  ],
  summaries: [lazy(() => import('./InboxSummary.js').then((m) => ({ default: m.InboxSummary })))],
  messages: exerciseMessages,
});
