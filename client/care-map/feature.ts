import { lazy } from 'react';
import { defineClientFeature } from '../app/client-feature.js';
import { careMapMessages } from './messages.js';

/** The care offer: map, status board and its header summary. */
export const careMapClient = defineClientFeature({
  id: 'care-map',
  sections: [{ id: 'careMap', labelKey: 'section.careMap', Component: lazy(() => import('./CareOfferSection.js').then((m) => ({ default: m.CareOfferSection }))) }],
  summaries: [lazy(() => import('./CareOfferSummary.js').then((m) => ({ default: m.CareOfferSummary })))],
  messages: careMapMessages,
});
