import type { SessionRecord } from '../store/types.js';
import type { WallClock } from './wall-clock.js';

/** setTimeout's ceiling (about 24.8 days): a later expiry is reached in several steps. */
const maxDelayMs = 2 ** 31 - 1;

/**
 * Ends sessions when their `expiresAt` passes, even while their sockets stay open: checking the token at
 * the handshake only would let an open connection outlive its invitation. One timer per session, however
 * many connections it has and however often it authenticates; each instance watches the sessions it serves.
 */
export class ExpiryWatch {
  private readonly pending = new Map<string, () => void>();

  constructor(
    private readonly clock: WallClock,
    private readonly onExpired: (session: SessionRecord) => void,
  ) {}

  watch(session: SessionRecord): void {
    if (session.expiresAt === null || this.pending.has(session.id)) return;
    this.arm(session, session.expiresAt);
  }

  /** A session revoked before it expires needs no timer any more. */
  forget(sessionId: string): void {
    this.pending.get(sessionId)?.();
    this.pending.delete(sessionId);
  }

  stop(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }

  private arm(session: SessionRecord, at: number): void {
    const delay = Math.min(Math.max(0, at - this.clock.now()), maxDelayMs);
    const cancel = this.clock.setTimer(() => {
      // A timer may fire a hair before the wall clock agrees, or a step short of a far expiry: wait again.
      if (this.clock.now() < at) return this.arm(session, at);
      this.pending.delete(session.id);
      this.onExpired(session);
    }, delay);
    this.pending.set(session.id, cancel);
  }
}
