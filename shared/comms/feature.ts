import { defineSharedFeature } from '../core/shared-feature.js';
import { commsSentences } from './sentences.js';
import { commsCommands } from './commands.js';
import { initialCommsState, type CommsState } from './draft.js';
import { commsEvents } from './events.js';
import { rumourEvents } from './rumour.js';
import { commsDraftDoc } from './doc-kind.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Public-communication drafts: workflow, sealed texts, frozen versions. */
    comms: CommsState;
  }
}

export const commsFeature = defineSharedFeature({
  id: 'comms',
  commands: commsCommands,
  events: [...commsEvents, ...rumourEvents],
  sentences: commsSentences,
  docs: [commsDraftDoc],
  initialState: () => ({ comms: initialCommsState }),
});
