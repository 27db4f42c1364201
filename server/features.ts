import type { Express } from 'express';
import type { OrsanServer } from './app.js';

/**
 * Where each domain plugs its routes, Yjs documents and room automations (timers, scheduler)
 * into the server. Called once, after the core is wired and before the client fallback route.
 */
export async function mountFeatures(_server: OrsanServer, _app: Express): Promise<void> {}
