import { limits as sharedLimits } from '../../shared/core/limits.js';
import { yjsCloseCodes } from '../../shared/core/yjs-protocol.js';
import { BucketMap, type TokenBucket } from './token-bucket.js';

/** The limits of the Yjs endpoint (the defaults are those of `shared/core/limits.ts`). */
export type YjsLimits = Pick<
  typeof sharedLimits,
  | 'maxYjsUpdateBytes'
  | 'maxRecordsPerYjsUpdate'
  | 'yjsRecordsPerMinute'
  | 'yjsUpdatesPerSecond'
  | 'yjsUpdateBurst'
  | 'yjsAwarenessPerSecond'
  | 'yjsAwarenessBurst'
  | 'maxAwarenessStateBytes'
  | 'yjsHandshakesPerSessionPerMinute'
  | 'yjsHandshakesPerAddressPerMinute'
>;

/** Why a connection is closed: the WebSocket close code and the reason the client is told (French). */
export interface Refusal {
  code: number;
  reason: string;
}

const perSecond = (n: number) => n / 1000;
const perMinute = (n: number) => n / 60_000;

/** "réessayez dans 12 s": when the bucket will allow it again, rounded up to the second. */
const retryIn = (bucket: TokenBucket, n = 1) => {
  const wait = bucket.waitMs(n);
  return Number.isFinite(wait) ? ` Réessayez dans ${Math.max(1, Math.ceil(wait / 1000))} s.` : '';
};

const rateLimited = (reason: string): Refusal => ({ code: yjsCloseCodes.rateLimited, reason });

/** What one session may still do; shared by all its connections to every document on this instance. */
export interface SessionBudget {
  /** One sync message (update, sync step): refused beyond `yjsUpdatesPerSecond` / `yjsUpdateBurst`. */
  update(): Refusal | null;
  /** One awareness message (presence, caret, query). */
  awareness(): Refusal | null;
  /** `count` main-courante records (entries and flags) in an update about to be accepted. */
  records(count: number): Refusal | null;
}

/**
 * The rate limits of the Yjs endpoint, per session (not per socket: opening more sockets buys nothing) and,
 * for handshakes, per client address as well. Token buckets on an injected clock. Per instance: with several
 * instances, nginx's `ip_hash` keeps a person's connections on one of them.
 */
export class YjsBudgets {
  private readonly updates: BucketMap;
  private readonly awarenessMessages: BucketMap;
  private readonly records: BucketMap;
  private readonly sessionHandshakes: BucketMap;
  private readonly addressHandshakes: BucketMap;

  constructor(
    readonly limits: YjsLimits = sharedLimits,
    now: () => number = Date.now,
  ) {
    this.updates = new BucketMap(limits.yjsUpdateBurst, perSecond(limits.yjsUpdatesPerSecond), now);
    this.awarenessMessages = new BucketMap(limits.yjsAwarenessBurst, perSecond(limits.yjsAwarenessPerSecond), now);
    // An offline batch as large as an update may hold goes through at once; then the sustained rate applies.
    this.records = new BucketMap(limits.maxRecordsPerYjsUpdate, perMinute(limits.yjsRecordsPerMinute), now);
    this.sessionHandshakes = new BucketMap(limits.yjsHandshakesPerSessionPerMinute, perMinute(limits.yjsHandshakesPerSessionPerMinute), now);
    this.addressHandshakes = new BucketMap(limits.yjsHandshakesPerAddressPerMinute, perMinute(limits.yjsHandshakesPerAddressPerMinute), now);
  }

  /** An upgrade from `address`, counted before anything is looked up. */
  handshakeFrom(address: string): Refusal | null {
    const bucket = this.addressHandshakes.of(address);
    return bucket.take() ? null : rateLimited(`Trop de connexions depuis cette adresse.${retryIn(bucket)}`);
  }

  /** An upgrade of an authenticated session. */
  handshakeOf(sessionId: string): Refusal | null {
    const bucket = this.sessionHandshakes.of(sessionId);
    return bucket.take() ? null : rateLimited(`Trop de connexions pour cette session.${retryIn(bucket)}`);
  }

  forSession(sessionId: string): SessionBudget {
    return {
      update: () => {
        const bucket = this.updates.of(sessionId);
        return bucket.take() ? null : rateLimited(`Trop de modifications envoyées trop vite.${retryIn(bucket)}`);
      },
      awareness: () => {
        const bucket = this.awarenessMessages.of(sessionId);
        return bucket.take() ? null : rateLimited(`Trop de messages de présence.${retryIn(bucket)}`);
      },
      records: (count) => {
        if (count === 0) return null;
        const bucket = this.records.of(sessionId);
        return bucket.take(count) ? null : rateLimited(`Trop d'entrées en une minute (${this.limits.yjsRecordsPerMinute} au plus).${retryIn(bucket, count)}`);
      },
    };
  }
}
