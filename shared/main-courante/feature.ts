import { defineSharedFeature } from '../core/shared-feature.js';
import { mainCouranteSentences } from './sentences.js';
import { mainCouranteEvents } from './events.js';
import { mainCouranteDoc } from './doc-kind.js';
import { initialMainCouranteSummary, type MainCouranteSummary } from './state.js';

declare module '../room-state.js' {
  interface RoomState {
    /** Counts and significant entries of the main courante (the entries live in its Yjs document). */
    mainCourante: MainCouranteSummary;
  }
}

/** The main courante: its entries are a Yjs document; the log mirrors each one (no command of its own). */
export const mainCouranteFeature = defineSharedFeature({
  id: 'main-courante',
  events: mainCouranteEvents,
  sentences: mainCouranteSentences,
  docs: [mainCouranteDoc],
  initialState: () => ({ mainCourante: initialMainCouranteSummary }),
});
