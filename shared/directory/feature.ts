import { defineSharedFeature } from '../core/shared-feature.js';
import { directorySentences } from './sentences.js';
import { directoryCommands } from './commands.js';
import { directoryEvents } from './events.js';
import { initialDirectoryState, type DirectoryState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The crisis directory (annuaire de crise): personal data, director and players only. */
    directory: DirectoryState;
  }
}

/** The crisis directory: who to call, mail or text for each actor of the alert chain. */
export const directoryFeature = defineSharedFeature({
  id: 'directory',
  commands: directoryCommands,
  events: directoryEvents,
  sentences: directorySentences,
  initialState: () => ({ directory: initialDirectoryState }),
});
