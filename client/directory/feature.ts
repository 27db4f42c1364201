import { defineClientFeature } from '../app/client-feature.js';
import { lazyComponent } from '../app/lazy-component.js';
import { directoryMessages } from './messages.js';

/**
 * The crisis directory: personal data, so the tab is for the director and the players only (the server never
 * sends the contacts to anyone else; this only keeps an empty tab off their screens).
 */
export const directoryClient = defineClientFeature({
  id: 'directory',
  sections: [{ id: 'directory', labelKey: 'section.directory', roles: ['director', 'player'], Component: lazyComponent(() => import('./DirectorySection.js').then((m) => m.DirectorySection)) }],
  messages: directoryMessages,
});
