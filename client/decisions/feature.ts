import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { decisionsMessages } from './messages.js';

/** Decisions and actions: the board (every role; read-only for observers and evaluators) and the overdue count in the header. */
export const decisionsClient = defineClientFeature({
  id: 'decisions',
  sections: [{ id: 'decisions', labelKey: 'section.decisions', Component: lazyComponent(() => import('./DecisionsSection.js').then((m) => m.DecisionsSection)) }],
  summaries: [lazyComponent(() => import('./DecisionsSummary.js').then((m) => m.DecisionsSummary))],
  messages: decisionsMessages,
});
