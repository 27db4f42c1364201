import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { sitrepMessages } from './messages.js';

/** Points de situation: the list, the snapshot, the co-edited summary, the workflow and the schedule. */
export const sitrepClient = defineClientFeature({
  id: 'sitrep',
  sections: [{ id: 'sitrep', labelKey: 'section.sitrep', Component: lazyComponent(() => import('./SitrepSection.js').then((m) => m.SitrepSection)) }],
  summaries: [lazyComponent(() => import('./SitrepSummary.js').then((m) => m.SitrepSummary))],
  messages: sitrepMessages,
});
