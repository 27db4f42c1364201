import { defineSharedFeature } from '../core/shared-feature.js';
import { sitrepSentences } from './sentences.js';
import { sitrepCommands } from './commands.js';
import { sitrepDoc } from './doc-kind.js';
import { sitrepEvents } from './events.js';
import { initialSitrepState, type SitrepState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Points de situation: their snapshots, workflow, frozen texts, and the schedule they follow. */
    sitrep: SitrepState;
  }
}

export const sitrepFeature = defineSharedFeature({
  id: 'sitrep',
  commands: sitrepCommands,
  events: sitrepEvents,
  sentences: sitrepSentences,
  docs: [sitrepDoc],
  initialState: () => ({ sitrep: initialSitrepState }),
});
