import { defineSharedFeature } from '../core/shared-feature.js';
import { careMapSentences } from './sentences.js';
import { careMapCommands } from './commands.js';
import { careMapEvents } from './events.js';
import { capacityCommands, capacityEvents } from './capacity.js';
import { debordementCommands, debordementEvents } from './debordement.js';
import { planBlancCommands, planBlancEvents } from './plan-blanc.js';
import { initialCareMapState, type CareMapState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The affected care offer: statuses, plans blancs, bascules and débordements du 15, délestages, beds per specialty. */
    careMap: CareMapState;
  }
}

export const careMapFeature = defineSharedFeature({
  id: 'care-map',
  commands: [...careMapCommands, ...planBlancCommands, ...debordementCommands, ...capacityCommands],
  events: [...careMapEvents, ...planBlancEvents, ...debordementEvents, ...capacityEvents],
  sentences: careMapSentences,
  initialState: () => ({ careMap: initialCareMapState }),
});
