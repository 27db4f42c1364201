import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { mainCouranteMessages } from './messages.js';

/** The main courante: its tab and its header summary. */
export const mainCouranteClient = defineClientFeature({
  id: 'main-courante',
  sections: [{ id: 'main-courante', labelKey: 'section.mainCourante', Component: lazyComponent(() => import('./MainCouranteSection.js').then((m) => m.MainCouranteSection)) }],
  summaries: [lazyComponent(() => import('./MainCouranteSummary.js').then((m) => m.MainCouranteSummary))],
  messages: mainCouranteMessages,
});
