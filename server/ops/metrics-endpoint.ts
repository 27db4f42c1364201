import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'express';
import { DomainError } from '../../shared/core/errors.js';
import { sameSecret } from '../access/secrets.js';
import { bearerToken } from '../http/errors.js';
import type { Metrics } from './metrics.js';

/**
 * `GET /metrics` on the main port: only with `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN
 * it is not served there at all (404): the counters tell who is connected and how busy a crisis room is.
 */
export function metricsRoute(metrics: Metrics, token: string | undefined): RequestHandler {
  return async (req, res) => {
    if (!token) throw new DomainError('not_found', 'Métriques non exposées sur ce port : définir METRICS_TOKEN, ou METRICS_PORT pour une écoute séparée.');
    const given = bearerToken(req);
    if (!given || !sameSecret(given, token)) throw new DomainError('unauthorized', 'Jeton de métriques requis (Authorization: Bearer <METRICS_TOKEN>).');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** A listener that serves `GET /metrics` and nothing else, for METRICS_PORT (bound to METRICS_HOST, loopback by default). */
export class MetricsListener {
  private readonly server: Server;

  constructor(
    metrics: Metrics,
    private readonly port: number,
    private readonly host: string,
  ) {
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?', 1)[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('GET /metrics\n');
        return;
      }
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
  }

  listen(): Promise<void> {
    return new Promise((ok, fail) => {
      this.server.once('error', fail);
      this.server.listen(this.port, this.host, () => ok());
    });
  }

  /** `http://host:port/metrics`, once listening. */
  url(): string {
    const { address, family, port } = this.server.address() as AddressInfo;
    return `http://${family === 'IPv6' ? `[${address}]` : address}:${port}/metrics`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((ok) => this.server.close(() => ok()));
  }
}
