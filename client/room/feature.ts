import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { coreMessages } from '../i18n/core-messages.js';

/** The room itself: the overview tab (cells, check-ins, clock, announcements) and the shell's messages. */
export const roomClient = defineClientFeature({
  id: 'room',
  sections: [{ id: 'overview', labelKey: 'section.overview', Component: lazyComponent(() => import('./OverviewSection.js').then((m) => m.OverviewSection)) }],
  messages: coreMessages,
});
