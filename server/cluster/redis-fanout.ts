import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import type { Logger } from '../ops/logger.js';

/** Keys, streams and channels of one deployment in Redis: `orsan:<schema>:…`, so deployments never mix. */
export const redisNamespace = (schema: string) => `orsan:${schema}`;

/**
 * Puts socket.io on the Redis streams adapter (the Redis adapter that keeps connection-state recovery):
 * `io.to(…).emit` and `disconnectSockets` reach the sockets of every instance, so a revocation on one
 * instance is seen on all (presence travels as per-instance lists instead: `presence-exchange.ts`).
 * Fails at startup if Redis is unreachable.
 */
export async function attachRedisFanOut(io: Server, url: string, namespace: string, logger: Logger): Promise<{ redis: Redis; close(): Promise<void> }> {
  const redis = new Redis(url, { lazyConnect: true });
  let lastWarning = 0;
  redis.on('error', (error) => {
    // ioredis reconnects by itself; one line every 10 s is enough to tell the operator.
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    logger.warn({ err: error }, 'Redis unreachable: instances no longer share presence and revocations');
  });
  await redis.connect();
  io.adapter(
    createAdapter(redis, {
      streamName: `${namespace}:socket.io`,
      channelPrefix: `${namespace}:socket.io`,
      sessionKeyPrefix: `${namespace}:sio-session:`,
      // The reading connection notices the adapter closing only when its blocking read returns.
      blockTimeInMs: 1000,
    }),
  );
  return {
    redis,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
