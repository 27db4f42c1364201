/**
 * A token bucket: holds up to `capacity` tokens, refilled continuously at `perMs` tokens per millisecond.
 * An action costing `n` goes through when `n` tokens are there; the clock is injected so tests move it.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  /** Takes `n` tokens if they are all there; takes nothing otherwise. */
  take(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Milliseconds until `n` tokens will be there (0: now; Infinity: never, `n` exceeds the capacity). */
  waitMs(n = 1): number {
    this.refill();
    if (n > this.capacity) return Number.POSITIVE_INFINITY;
    return this.tokens >= n ? 0 : Math.ceil((n - this.tokens) / this.perMs);
  }

  /** True when the bucket is back to full: forgetting it loses nothing. */
  get full(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, at - this.updatedAt) * this.perMs);
    this.updatedAt = at;
  }
}

/**
 * One bucket per key (a session id, a client address), created full on first use. Full buckets are forgotten
 * when the map grows, so keys that come and go cost no memory for long.
 */
export class BucketMap {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly capacity: number,
    private readonly perMs: number,
    private readonly now: () => number,
    private readonly sweepAbove = 10_000,
  ) {}

  /** The key's bucket. */
  of(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.sweepAbove) this.sweep();
      bucket = new TokenBucket(this.capacity, this.perMs, this.now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
  }
}
