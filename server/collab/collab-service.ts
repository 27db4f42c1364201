import { Gauge } from 'prom-client';
import type { OrsanServer } from '../app.js';
import { watchSubmissions } from './comms-policy.js';
import { DocRegistry } from './doc-registry.js';
import { defaultSharedDocOptions, type SharedDocOptions } from './shared-doc.js';
import { attachYjsEndpoint } from './yjs-endpoint.js';
import { clientAddressOf } from '../http/trust-proxy.js';

/**
 * The collaborative documents of the rooms (main courante, comms drafts, animator notes): the Yjs endpoint,
 * the live documents, the sealing of submitted drafts. Composed once in `server/features.ts`.
 */
export function mountCollab(server: OrsanServer, options: SharedDocOptions = defaultSharedDocOptions): { registry: DocRegistry } {
  const registry = new DocRegistry(server.store.docs, server.rooms, server.logger, options, server.docRelay);
  // Handshakes are counted per client address as REST sees it (TRUST_PROXY), not per proxy.
  const endpoint = attachYjsEndpoint({ http: server.http, access: server.access, rooms: server.rooms, registry, logger: server.logger, clientAddress: clientAddressOf(server.config.TRUST_PROXY) });

  server.rooms.onRoomLive((runtime) =>
    watchSubmissions(
      runtime,
      (roomId, docName, task) => registry.withDoc(roomId, docName, task),
      (error) => server.logger.error({ err: error, roomId: runtime.id }, 'comms: sealing a submitted draft failed'),
    ),
  );

  new Gauge({
    name: 'orsan_yjs_connections',
    help: 'Connexions Yjs (main courante, brouillons de communication)',
    registers: [server.metrics.registry],
    collect() {
      this.set(endpoint.connections());
    },
  });

  // Open WebSockets would keep the HTTP server from closing, and documents hold a pending compaction:
  // both are settled before the core closes the store.
  const closeCore = server.close;
  server.close = async () => {
    await endpoint.close();
    await registry.shutdown();
    await closeCore();
  };
  return { registry };
}
