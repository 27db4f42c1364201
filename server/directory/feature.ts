import { resolve } from 'node:path';
import { defineServerFeature } from '../feature.js';
import { crisisChainActorIds, readDirectoryFile } from './directory-file.js';
import { directoryRoutes } from './routes.js';
import { directorySetup } from './setup.js';

/**
 * The crisis directory: `DIRECTORY_FILE` checked at start and read by each crisis room at creation, and the
 * director's import/export. Listed after the alert chain, whose setup step names the actors.
 */
export const directoryServer = defineServerFeature({
  id: 'directory',
  setup: directorySetup,
  routes: directoryRoutes,
  checkConfig: async (config) => {
    if (config.DIRECTORY_FILE) await readDirectoryFile(resolve(config.DIRECTORY_FILE), crisisChainActorIds());
  },
});
