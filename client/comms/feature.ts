import { lazy } from 'react';
import { defineClientFeature } from '../app/client-feature.js';
import { commsMessages } from './messages.js';

/** Public communication: drafts and their validation workflow. */
export const commsClient = defineClientFeature({
  id: 'comms',
  sections: [{ id: 'comms', labelKey: 'section.comms', Component: lazy(() => import('./CommsSection.js').then((m) => ({ default: m.CommsSection }))) }],
  messages: commsMessages,
});
