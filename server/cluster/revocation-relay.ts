import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { AccessService } from '../access/access-service.js';
import type { Logger } from '../ops/logger.js';

const RevocationMessage = z.object({
  from: z.string(),
  roomId: z.string(),
  sessionIds: z.array(z.string()).min(1),
  cause: z.enum(['revoked', 'expired', 'loggedOut']),
});

/**
 * Tells the other instances which sessions this one revoked, on `<namespace>:revocations`, so that they
 * close those sessions' Yjs connections too (socket.io sockets are already reached through the Redis
 * adapter). Expiries are not relayed: every instance times the sessions it serves. Fire and forget: if
 * Redis is down, a revoked session keeps its open Yjs connections on other instances until it reconnects
 * (then refused) or Redis is back.
 */
export async function relayRevocations(redis: Redis, namespace: string, access: AccessService, logger: Logger): Promise<{ close(): Promise<void> }> {
  const channel = `${namespace}:revocations`;
  const self = randomUUID();
  const subscriber = redis.duplicate({ connectionName: `${namespace}:revocations` });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let message: z.infer<typeof RevocationMessage>;
    try {
      message = RevocationMessage.parse(JSON.parse(text));
    } catch (error) {
      return void logger.warn({ err: error }, 'unreadable revocation relay message');
    }
    if (message.from !== self) access.endedElsewhere(message.roomId, message.sessionIds, message.cause);
  });
  await subscriber.subscribe(channel);
  access.onRevoked((roomId, sessionIds, cause, origin) => {
    if (origin !== 'local' || cause !== 'revoked') return;
    redis.publish(channel, JSON.stringify({ from: self, roomId, sessionIds, cause })).catch((error: unknown) => {
      logger.warn({ err: error, roomId }, 'revocation relay: publish failed');
    });
  });
  return {
    async close() {
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
