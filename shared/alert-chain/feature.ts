import { defineSharedFeature } from '../core/shared-feature.js';
import { alertChainSentences } from './sentences.js';
import { alertChainCommands } from './commands.js';
import { alertChainEvents } from './events.js';
import { watchBascules } from './bascule.js';
import { initialAlertChainState, type AlertChainState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The alert chain: who must alert whom, by when, and who did. */
    alertChain: AlertChainState;
  }
}

export const alertChainFeature = defineSharedFeature({
  id: 'alert-chain',
  commands: alertChainCommands,
  events: alertChainEvents,
  sentences: alertChainSentences,
  initialState: () => ({ alertChain: initialAlertChainState }),
  watchers: [watchBascules],
});
