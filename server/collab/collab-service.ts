import { Gauge } from 'prom-client';
import type { FeatureContext } from '../feature.js';
import { DocRegistry } from './doc-registry.js';
import type { DocPolicyFactory } from './doc-policy.js';
import { defaultSharedDocOptions, type SharedDocOptions } from './shared-doc.js';
import { attachYjsEndpoint } from './yjs-endpoint.js';
import { clientAddressOf } from '../http/trust-proxy.js';

/**
 * The collaborative documents of the rooms (main courante, comms drafts, animator notes): the Yjs endpoint,
 * the live documents, the sealing of submitted drafts. Composed once in `server/features.ts`.
 */
export function mountCollab(
  server: Pick<FeatureContext, 'store' | 'rooms' | 'access' | 'logger' | 'metrics' | 'http' | 'config' | 'docRelay' | 'onClose'>,
  policies: ReadonlyMap<string, DocPolicyFactory>,
  options: SharedDocOptions = defaultSharedDocOptions,
): DocRegistry {
  const registry = new DocRegistry(server.store.docs, server.rooms, server.logger, policies, options, server.docRelay);
  // Handshakes are counted per client address as REST sees it (TRUST_PROXY), not per proxy.
  const endpoint = attachYjsEndpoint({ http: server.http, access: server.access, rooms: server.rooms, registry, logger: server.logger, clientAddress: clientAddressOf(server.config.TRUST_PROXY) });

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
  server.onClose(async () => {
    await endpoint.close();
    await registry.shutdown();
  });
  return registry;
}
