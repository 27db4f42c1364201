import type { ComponentType } from 'react';
import type { RoomSection, SectionProps } from '../room/section.js';
import type { RoomState } from '../../shared/room-state.js';
import { AnimatorSection } from './AnimatorSection.js';
import { BriefingSection } from './BriefingSection.js';
import { EvaluationSection } from './EvaluationSection.js';
import { InboxSection } from './InboxSection.js';
import { InboxSummary } from './InboxSummary.js';

/**
 * The exercise's tabs. The director reads every cell's stimuli in the console, so the inbox tab is for
 * players (their cell) and for evaluators and observers (every cell, read-only).
 */
const hasScenario = (state: RoomState) => state.exercise.scenario !== null || state.exercise.animator !== null;

export const exerciseSections: RoomSection[] = [
  { id: 'briefing', labelKey: 'section.briefing', Component: BriefingSection, visible: hasScenario },
  { id: 'inbox', labelKey: 'section.inbox', roles: ['player', 'evaluator', 'observer'], Component: InboxSection, visible: hasScenario },
  { id: 'animator', labelKey: 'section.animator', roles: ['director'], Component: AnimatorSection },
  { id: 'evaluation', labelKey: 'section.evaluation', roles: ['director', 'evaluator'], Component: EvaluationSection, visible: hasScenario },
];

/** The inbox badge (and its beep) in the room header. */
export const exerciseSummaries: Array<ComponentType<SectionProps>> = [InboxSummary];
