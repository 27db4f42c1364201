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

/** Where the embedded store commits (`server/store/sqlite-writer.ts`), read when `/metrics` is scraped. */
export function trackWritePath(metrics: Metrics, writePath: () => { place: 'inline' | 'thread'; moves: number }): void {
  new Gauge({
    name: 'orsan_sqlite_writes_in_thread',
    help: "1 : le store SQLite écrit dans son fil d'écriture (commits lents) ; 0 : sur la boucle d'événements",
    registers: [metrics.registry],
    collect() {
      this.set(writePath().place === 'thread' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'orsan_sqlite_writer_moves',
    help: "Nombre de passages des écritures SQLite entre la boucle d'événements et le fil d'écriture depuis le démarrage",
    registers: [metrics.registry],
    collect() {
      this.set(writePath().moves);
    },
  });
}
