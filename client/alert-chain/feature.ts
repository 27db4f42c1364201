import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { alertChainMessages } from './messages.js';

/** The alert chain: graph and list, and its header summary. */
export const alertChainClient = defineClientFeature({
  id: 'alert-chain',
  sections: [{ id: 'alert-chain', labelKey: 'section.alertChain', Component: lazyComponent(() => import('./AlertChainSection.js').then((m) => m.AlertChainSection)) }],
  summaries: [lazyComponent(() => import('./AlertChainSummary.js').then((m) => m.AlertChainSummary))],
  messages: alertChainMessages,
});
