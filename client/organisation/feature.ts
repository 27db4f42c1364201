import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { organisationMessages } from './messages.js';

/** Crisis organisation: its tab (every role; the forms for the ARS, the Préfecture and the director) and its line in the header. */
export const organisationClient = defineClientFeature({
  id: 'organisation',
  sections: [{ id: 'organisation', labelKey: 'section.organisation', Component: lazyComponent(() => import('./OrganisationSection.js').then((m) => m.OrganisationSection)) }],
  summaries: [lazyComponent(() => import('./OrganisationSummary.js').then((m) => m.OrganisationSummary))],
  messages: organisationMessages,
});
