import { defineSharedFeature } from '../core/shared-feature.js';
import { initialClock, type ClockState } from './clock.js';
import { clockCommands } from './clock-commands.js';
import { evaluationCommands, evaluationEvents } from './evaluation.js';
import { stimulusCommands } from './stimuli-commands.js';
import { stimulusEvents, watchStimulusConditions } from './stimuli-events.js';
import { initialExerciseState, type ExerciseState } from './stimuli-state.js';
import { animatorNotesDoc } from './doc-kind.js';
import { stimulusSentences } from './stimuli-sentences.js';
import { assignStimulus, stimulusAssigned, watchCellMembers } from './stimulus-assignment.js';
import { evaluationSentences } from './evaluation-sentences.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The room's clock: exercise time (from DEBEX) or crisis time (from T0). */
    clock: ClockState;
    /** The exercise: briefing (all), grid (staff), chronogramme (director), inbox per cell. */
    exercise: ExerciseState;
  }
}

/** The exercise engine: clock, chronogramme and stimuli, evaluation grid. */
export const exerciseFeature = defineSharedFeature({
  id: 'exercise',
  commands: [...clockCommands, ...stimulusCommands, assignStimulus, ...evaluationCommands],
  events: [...stimulusEvents, stimulusAssigned, ...evaluationEvents],
  sentences: [...stimulusSentences, ...evaluationSentences],
  initialState: () => ({ clock: initialClock, exercise: initialExerciseState }),
  // The chronogramme's conditions ("inject if no alert to the Préfecture by T+30") look at every event; so does
  // the roster of cell members, from the actors of the events.
  watchers: [watchStimulusConditions, watchCellMembers],
  docs: [animatorNotesDoc],
});
