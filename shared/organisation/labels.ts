import type { CrisisFunction, MobilisationLevel } from './state.js';

/** The levels as the RETEX, the exports and the sentences write them (French, the domain's words). */
export const mobilisationLabels: Readonly<Record<MobilisationLevel, string>> = {
  veille: 'veille',
  'niveau-1': 'niveau 1',
  'niveau-2': 'niveau 2 (renforcé)',
  'niveau-3': 'niveau 3 (crise)',
};

/** The functions of the chart as the sentences write them. */
export const functionLabels: Readonly<Record<CrisisFunction, string>> = {
  direction: 'direction de crise',
  'main-courante': 'main courante',
  communication: 'communication',
  'liaison-prefecture': 'liaison Préfecture',
  'offre-de-soins': 'offre de soins',
};
