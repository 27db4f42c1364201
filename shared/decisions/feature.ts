import { defineSharedFeature } from '../core/shared-feature.js';
import { decisionSentences } from './sentences.js';
import { decisionsCommands } from './commands.js';
import { decisionsEvents } from './events.js';
import { initialDecisionsState, type DecisionsState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Decisions of the cells and the actions they hand out: who does what by when. */
    decisions: DecisionsState;
  }
}

export const decisionsFeature = defineSharedFeature({
  id: 'decisions',
  commands: decisionsCommands,
  events: decisionsEvents,
  sentences: decisionSentences,
  initialState: () => ({ decisions: initialDecisionsState }),
});
