import { defineSharedFeature } from '../core/shared-feature.js';
import { organisationCommands } from './commands.js';
import { organisationEvents } from './events.js';
import { organisationSentences } from './sentences.js';
import { initialOrganisationState, type OrganisationState } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** The crisis organisation: ARS mobilisation level, CRAPS, function chart, the Préfecture's COD. */
    organisation: OrganisationState;
  }
}

export const organisationFeature = defineSharedFeature({
  id: 'organisation',
  commands: organisationCommands,
  events: organisationEvents,
  sentences: organisationSentences,
  initialState: () => ({ organisation: initialOrganisationState }),
});
