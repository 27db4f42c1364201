import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance; a registry per instance so tests can run several. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    connectedSockets: new Gauge({ name: 'orsan_connected_sockets', help: 'Sockets connectés', registers: [registry] }),
    eventsAppended: new Counter({
      name: 'orsan_events_appended_total',
      help: 'Événements ajoutés au journal',
      labelNames: ['type'],
      registers: [registry],
    }),
    commandsRejected: new Counter({
      name: 'orsan_commands_rejected_total',
      help: 'Commandes refusées',
      labelNames: ['code'],
      registers: [registry],
    }),
    commandLatency: new Histogram({
      name: 'orsan_command_duration_seconds',
      help: "Durée d'une commande, de la réception à l'accusé (écriture durable comprise)",
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
