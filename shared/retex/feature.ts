import { defineSharedFeature } from '../core/shared-feature.js';
import { retexSentences } from './sentences.js';
import { archiveSealEvents } from './archive-seal.js';
import { retexDoc } from './doc-kind.js';
import { initialRetexState, retexCommands, retexEvents, type RetexState } from './release.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Whether the RETEX report is open to players. */
    retex: RetexState;
  }
}

export const retexFeature = defineSharedFeature({
  id: 'retex',
  commands: retexCommands,
  events: [...retexEvents, ...archiveSealEvents],
  sentences: retexSentences,
  docs: [retexDoc],
  initialState: () => ({ retex: initialRetexState }),
});
