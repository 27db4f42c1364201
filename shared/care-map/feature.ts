import { defineSharedFeature } from '../core/shared-feature.js';
import { careMapSentences } from './sentences.js';
import { careMapCommands } from './commands.js';
import { careMapEvents } from './events.js';
import { initialCareMapState, type CareMapState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The affected care offer: statuses, bascules du 15, délestages. */
    careMap: CareMapState;
  }
}

export const careMapFeature = defineSharedFeature({
  id: 'care-map',
  commands: careMapCommands,
  events: careMapEvents,
  sentences: careMapSentences,
  initialState: () => ({ careMap: initialCareMapState }),
});
