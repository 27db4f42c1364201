import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { careMapMessages } from './messages.js';

/**
 * The care offer: map, status board and its header summary. Loaded lazily like every tab (the feature list
 * imports no component: no import cycle, and modules needing a browser stay out of unit tests), and fetched as
 * soon as the room page mounts, while the socket connects: the map is the view a crisis cell opens first.
 */
export const careMapClient = defineClientFeature({
  id: 'care-map',
  sections: [{ id: 'careMap', labelKey: 'section.careMap', Component: lazyComponent(() => import('./CareOfferSection.js').then((m) => m.CareOfferSection)) }],
  summaries: [lazyComponent(() => import('./CareOfferSummary.js').then((m) => m.CareOfferSummary))],
  messages: careMapMessages,
});
