import { lazy } from 'react';
import { defineClientFeature } from '../app/client-feature.js';
import { alertChainMessages } from './messages.js';

/** The alert chain: graph and list, and its header summary. */
export const alertChainClient = defineClientFeature({
  id: 'alert-chain',
  sections: [{ id: 'alert-chain', labelKey: 'section.alertChain', Component: lazy(() => import('./AlertChainSection.js').then((m) => ({ default: m.AlertChainSection }))) }],
  summaries: [lazy(() => import('./AlertChainSummary.js').then((m) => ({ default: m.AlertChainSummary })))],
  messages: alertChainMessages,
});
