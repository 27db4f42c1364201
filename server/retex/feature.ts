import { Router } from 'express';
import { defineServerFeature } from '../feature.js';
import { reportRoutes } from './report-routes.js';
import { retexRoutes } from './routes.js';

/** The RETEX: the report and its exports, the room archive and its import. */
export const retexServer = defineServerFeature({
  id: 'retex',
  routes: (ctx) => Router().use(retexRoutes(ctx), reportRoutes(ctx)),
});
