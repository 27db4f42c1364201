import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { retexMessages } from './messages.js';

/** The RETEX report, its replay and exports. */
export const retexClient = defineClientFeature({
  id: 'retex',
  sections: [{ id: 'retex', labelKey: 'section.retex', Component: lazyComponent(() => import('./RetexSection.js').then((m) => m.RetexSection)) }],
  messages: retexMessages,
});
