import express from 'express';
import helmet from 'helmet';
import compression from 'compression';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Server as SocketServer } from 'socket.io';
import { limits } from '../shared/core/limits.js';
import type { MapConfigResponse } from '../shared/care-map/rest.js';
import type { Config } from './config.js';
import { AccessService } from './access/access-service.js';
import { resolveOperatorToken } from './access/operator-token.js';
import { systemClock, type WallClock } from './access/wall-clock.js';
import { identityApiRoutes, identityPages, postLogoutUri } from './identity/identity-routes.js';
import { SignInService } from './identity/sign-in-service.js';
import { RoomService } from './rooms/room-service.js';
import type { RoomSetupStep } from './rooms/room-setup.js';
import { roomsRoutes } from './http/rooms-routes.js';
import { errorHandler, refuseDeepJson } from './http/errors.js';
import { restRateLimiter } from './http/rate-limits.js';
import { attachHub } from './realtime/hub.js';
import { openConfiguredStore } from './cluster/open-store.js';
import { createCluster } from './cluster/cluster.js';
import type { Store } from './store/types.js';
import { createLogger, type Logger } from './ops/logger.js';
import { createMetrics, trackWritePath } from './ops/metrics.js';
import { MetricsListener, metricsRoute } from './ops/metrics-endpoint.js';
import { roomSetupSteps, serverFeatures } from './features.js';
import type { FeatureContext } from './feature.js';
import { leaderOnly } from './cluster/leadership.js';
import { mountCollab } from './collab/collab-service.js';
import { yjsTicketRoutes } from './collab/ticket-routes.js';
import { scenariosDir } from './exercise/scenario-files.js';

/** The whole server: what features get (`FeatureContext`), plus its life cycle. */
export interface OrsanServer extends FeatureContext {
  operatorTokenGenerated: boolean;
  /** With METRICS_PORT: where the separate metrics listener answers, once listening. */
  metricsUrl: () => string | null;
  listen(): Promise<void>;
  close(): Promise<void>;
}

const defaultClientDir = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Builds the whole server (store, rooms, HTTP, hub) without listening yet. */
export async function createOrsanServer(config: Config, options: { store?: Store; setupSteps?: RoomSetupStep[]; clock?: WallClock; logger?: Logger } = {}): Promise<OrsanServer> {
  // A bad file named by the configuration (DIRECTORY_FILE…) stops the start with its own message.
  for (const feature of serverFeatures) await feature.checkConfig?.(config);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = createMetrics();
  const store = options.store ?? (await openConfiguredStore(config, logger));
  if (store.writePath) trackWritePath(metrics, store.writePath);
  const { token: operatorToken, generated } = resolveOperatorToken(resolve(config.DATA_DIR), config.OPERATOR_TOKEN);
  const rooms = new RoomService(
    store.events,
    options.setupSteps ?? [...roomSetupSteps],
    config.SCENARIOS_DIR ? resolve(config.SCENARIOS_DIR) : scenariosDir,
    // One clock for sessions and rooms: a test's fake clock moves the room clock too (deadlines, outbox).
    options.clock ? () => options.clock!.now() : undefined,
    config.DIRECTORY_FILE ? resolve(config.DIRECTORY_FILE) : undefined,
  );
  // A room's access policy, read from its log: what a code join and a sign-in are checked against.
  const policyOf = async (roomId: string) => (await rooms.get(roomId)).state.room.access;
  const access = new AccessService(store.access, options.clock, { identitySessionTtlMs: config.SESSION_TTL_HOURS * 3_600_000, policyOf });

  const app = express();
  const http = createServer(app);
  const io = new SocketServer(http, { maxHttpBufferSize: limits.maxSocketMessageBytes, serveClient: false });
  const cluster = await createCluster({ config, store, io, rooms, access, logger, ...(options.clock ? { clock: options.clock } : {}) });
  let boundUrl = '';
  const url = () => config.PUBLIC_URL?.replace(/\/$/, '') ?? boundUrl;
  const signIn = new SignInService({
    providers: config.OIDC_PROVIDERS ?? [],
    clockToleranceS: config.OIDC_CLOCK_TOLERANCE_S,
    access,
    store: store.access,
    operatorEmails: config.OPERATOR_EMAILS ?? [],
    redirectUri: () => `${url()}/auth/callback`,
    postLogoutUri: () => postLogoutUri(url()),
    clock: options.clock ?? systemClock,
    policyOf,
  });
  const identityDeps = { signIn, access, policyOf, url, logger };

  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  // helmet's default `upgrade-insecure-requests` makes a browser fetch every script over https: on a plain-http
  // LAN address (a laptop on a phone hotspot, docs/deployment.md) the page stays blank. Kept only behind https.
  const upgradeInsecure = config.PUBLIC_URL?.startsWith('https:') ? [] : null;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:', ...tileOrigins(config)], 'connect-src': ["'self'", 'ws:', 'wss:'], 'upgrade-insecure-requests': upgradeInsecure },
      },
    }),
  );
  // The region's reference data (≈ 800 KB of JSON) and the client bundle shrink four- to five-fold.
  app.use(compression());
  app.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  rooms.onQuarantine((error) => logger.error({ roomId: error.roomId, seq: error.seq, err: error.cause }, 'room quarantined: its log cannot be replayed'));
  app.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      // A quarantined room does not make the instance unready: every other room is served.
      const quarantined = rooms.quarantine();
      res.json({ status: quarantined.length > 0 ? 'degraded' : 'ready', store: store.kind, leader: cluster.leadership.isLeader(), quarantined });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', error: String(error) });
    }
  });
  app.get('/metrics', metricsRoute(metrics, config.METRICS_TOKEN));
  const metricsListener = config.METRICS_PORT === undefined ? null : new MetricsListener(metrics, config.METRICS_PORT, config.METRICS_HOST);
  app.use('/api', restRateLimiter({ access, operatorToken, logger }));
  // A room archive (import) is the one large body the API accepts.
  app.use('/api/archives', express.json({ limit: limits.maxArchiveBytes }));
  app.use('/api', express.json({ limit: limits.maxRestBodyBytes }));
  app.use('/api', refuseDeepJson);
  app.get('/api/config', (_req, res) => res.json({ tileUrl: config.MAP_TILE_URL ?? null, tileAttribution: config.MAP_TILE_ATTRIBUTION ?? null } satisfies MapConfigResponse));
  app.use('/api', roomsRoutes({ rooms, access, operatorToken, publicUrl: url, signIn }));
  app.use('/api', identityApiRoutes(identityDeps));
  app.use(identityPages(identityDeps));

  const hub = attachHub({ io, rooms, access, logger, metrics, ...(cluster.presence ? { cluster: { presence: cluster.presence } } : {}) });
  const closing: Array<() => void | Promise<void>> = [];
  const onClose = (cleanup: () => void | Promise<void>) => void closing.push(cleanup);
  const core = { config, http, io, store, rooms, access, logger, metrics, leadership: cluster.leadership, ...(cluster.docRelay ? { docRelay: cluster.docRelay } : {}), operatorToken, url, onClose };
  // The collaborative documents are infrastructure under several features (main courante, comms, RETEX).
  const policies = new Map(serverFeatures.flatMap((f) => Object.entries(f.docPolicies ?? {})));
  const docs = mountCollab(core, policies);
  app.use('/api', yjsTicketRoutes(access));
  const server: OrsanServer = { ...core, docs, operatorTokenGenerated: generated, metricsUrl: () => metricsListener?.url() ?? null, listen, close };
  for (const feature of serverFeatures) {
    if (feature.routes) app.use('/api', feature.routes(server));
    // Automations (clock-driven appends) run on one instance only: the leader (always, on a single instance).
    for (const automation of feature.automations ?? []) rooms.onRoomLive(leaderOnly(cluster.leadership, (runtime) => automation(runtime, server)));
  }
  for (const feature of serverFeatures) if (feature.pages) app.use(feature.pages(server));
  app.use('/api', (_req, res) => res.status(404).json({ error: { code: 'not_found', message: 'Route inconnue.' } }));
  serveClient(app, config.CLIENT_DIR ?? defaultClientDir, logger);
  app.use(errorHandler(logger));

  async function listen(): Promise<void> {
    await new Promise<void>((ok, fail) => {
      http.once('error', fail);
      http.listen(config.PORT, config.HOST, () => ok());
    });
    const { port } = http.address() as AddressInfo;
    boundUrl = `http://localhost:${port}`;
    await metricsListener?.listen();
    await cluster.activate();
  }

  async function close(): Promise<void> {
    // Features' and the collab layer's own resources first (open WebSockets would keep the HTTP server from
    // closing; documents hold a pending compaction), latest registered first, then the core.
    for (const cleanup of closing.splice(0).reverse()) await cleanup();
    rooms.close();
    access.close();
    hub.presence.stop();
    // `local`: through the Redis adapter a bare `io.disconnectSockets` closes the sockets of every instance.
    io.local.disconnectSockets(true);
    await new Promise<void>((ok) => io.close(() => ok()));
    http.closeAllConnections();
    await metricsListener?.close();
    await cluster.close();
    await store.close();
  }

  return server;
}

/** The built React client, with every non-API path answered by index.html (client-side routes). */
function serveClient(app: express.Express, dir: string, logger: Logger): void {
  if (!existsSync(join(dir, 'index.html'))) {
    logger.warn({ dir }, 'client not built: run `npm run build`');
    return;
  }
  app.use(
    express.static(dir, {
      index: false,
      maxAge: '1h',
      // The service worker and what it loads are checked at every visit, so that a new version is seen (and
      // offered) at once; the hashed assets keep their hour.
      setHeaders: (res, path) => {
        if (/(^|[/\\])(sw\.js|workbox-[\w-]+\.js|manifest\.webmanifest)$/.test(path)) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => res.sendFile(join(dir, 'index.html')));
}

function tileOrigins(config: Config): string[] {
  if (!config.MAP_TILE_URL) return [];
  try {
    return [new URL(config.MAP_TILE_URL.replace(/\{[a-z]\}/g, 'a')).origin];
  } catch {
    return [];
  }
}
