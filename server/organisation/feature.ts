import { defineServerFeature } from '../feature.js';

/**
 * Crisis organisation. Its commands take the room's one command path (shared decide, reducers, broadcast) and
 * its measures are read by the RETEX report: the server has no route, setup or automation of its own yet. It is
 * listed so that the feature has its place in each tree (e.g. for writing the changes into the main courante).
 */
export const organisationServer = defineServerFeature({ id: 'organisation' });
