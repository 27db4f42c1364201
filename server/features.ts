import type { Express } from 'express';
import type { OrsanServer } from './app.js';
import { driveChronogramme } from './exercise/scheduler.js';
import { exerciseRoutes } from './exercise/routes.js';
import { careMapRouter } from './care-map/routes.js';
import { retexRoutes } from './retex/routes.js';
import { reportRoutes } from './retex/report-routes.js';
import { watchAlertDeadlines } from './alert-chain/overdue-timer.js';
import { alertChainRoutes } from './alert-chain/routes.js';
import { mountCollab } from './collab/collab-service.js';
import { yjsTicketRoutes } from './collab/ticket-routes.js';
import { leaderOnly } from './cluster/leadership.js';

/**
 * Where each domain plugs its routes, Yjs documents and room automations (timers, scheduler)
 * into the server. Called once, after the core is wired and before the client fallback route.
 */
export async function mountFeatures(server: OrsanServer, app: Express): Promise<void> {
  // Automations (clock-driven appends) run on one instance only: the leader (always, on a single instance).
  server.rooms.onRoomLive(leaderOnly(server.leadership, (runtime) => driveChronogramme(runtime, server.logger)));
  app.use('/api', exerciseRoutes(server));
  app.use('/api', careMapRouter({ scenariosDir: server.config.SCENARIOS_DIR }));
  app.use('/api', retexRoutes(server));
  app.use('/api', reportRoutes(server));
  server.rooms.onRoomLive(leaderOnly(server.leadership, (runtime) => watchAlertDeadlines(runtime, server.logger)));
  app.use('/api', alertChainRoutes(server));
  app.use('/api', yjsTicketRoutes(server.access));
  mountCollab(server);
}
