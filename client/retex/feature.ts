import { lazy } from 'react';
import { defineClientFeature } from '../app/client-feature.js';
import { retexMessages } from './messages.js';

/** The RETEX report, its replay and exports. */
export const retexClient = defineClientFeature({
  id: 'retex',
  sections: [{ id: 'retex', labelKey: 'section.retex', Component: lazy(() => import('./RetexSection.js').then((m) => ({ default: m.RetexSection }))) }],
  messages: retexMessages,
});
