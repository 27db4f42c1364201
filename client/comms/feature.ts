import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { commsMessages } from './messages.js';

/** Public communication: drafts and their validation workflow. */
export const commsClient = defineClientFeature({
  id: 'comms',
  sections: [{ id: 'comms', labelKey: 'section.comms', Component: lazyComponent(() => import('./CommsSection.js').then((m) => m.CommsSection)) }],
  messages: commsMessages,
});
