import { lazy } from 'react';
import { defineClientFeature } from '../app/client-feature.js';
import { mainCouranteMessages } from './messages.js';

/** The main courante: its tab and its header summary. */
export const mainCouranteClient = defineClientFeature({
  id: 'main-courante',
  sections: [{ id: 'main-courante', labelKey: 'section.mainCourante', Component: lazy(() => import('./MainCouranteSection.js').then((m) => ({ default: m.MainCouranteSection }))) }],
  summaries: [lazy(() => import('./MainCouranteSummary.js').then((m) => ({ default: m.MainCouranteSummary })))],
  messages: mainCouranteMessages,
});
