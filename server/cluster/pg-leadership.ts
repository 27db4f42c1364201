import type pg from 'pg';
import { advisoryClass } from '../store/postgres-locks.js';
import type { PostgresStore } from '../store/postgres.js';
import type { Logger } from '../ops/logger.js';
import type { Leadership } from './leadership.js';
import { endSession, withTimeout } from './pg-session.js';

export interface PgLeadershipOptions {
  /** How often a follower tries to take the lead, and the leader checks it still holds it (ms). */
  pollMs?: number;
  /** A leader whose check takes longer than this steps down: its connection may be half-dead (ms). */
  checkTimeoutMs?: number;
}

/**
 * Leadership as a PostgreSQL session advisory lock, one per schema, held on a dedicated connection.
 * PostgreSQL releases it the moment that connection ends: a killed leader (`kill -9`, OOM, crash) is
 * replaced at the next poll of a follower, within `pollMs` plus the time PostgreSQL takes to see the socket
 * close (immediate for a dead process; bounded by the TCP keepalives set below for a lost machine).
 * A leader that cannot reach PostgreSQL steps down on its own: it could not append anything anyway.
 */
export class PgLeadership implements Leadership {
  private client: pg.Client | null = null;
  private leader = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(leader: boolean) => void>();
  private readonly pollMs: number;
  private readonly checkTimeoutMs: number;

  constructor(
    private readonly store: PostgresStore,
    private readonly logger: Logger,
    options: PgLeadershipOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.checkTimeoutMs = options.checkTimeoutMs ?? 3000;
  }

  /** Makes a first attempt (so that a lone instance leads before it serves) and keeps polling. */
  async start(): Promise<void> {
    await this.tick();
  }

  isLeader(): boolean {
    return this.leader;
  }

  onChange(listener: (leader: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.setLeader(false);
    // Ending the session releases the lock: a follower takes over at its next poll.
    await this.dropClient();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    try {
      await withTimeout(this.leader ? this.checkStillLeading() : this.tryToLead(), this.checkTimeoutMs);
    } catch (error) {
      if (this.leader) this.logger.warn({ err: error }, 'leadership lost: PostgreSQL session unusable');
      this.setLeader(false);
      await this.dropClient();
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.tick(), this.pollMs);
      this.timer.unref();
    }
  }

  private async tryToLead(): Promise<void> {
    const client = await this.session();
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [advisoryClass.leader, this.store.schema]);
    // A late answer on a session dropped meanwhile (timeout) means nothing: that session's lock is gone.
    if (rows[0]?.locked && !this.stopped && this.client === client) {
      this.logger.info({ schema: this.store.schema }, 'this instance now drives the exercise clocks and timers');
      this.setLeader(true);
    }
  }

  private async checkStillLeading(): Promise<void> {
    if (!this.client) throw new Error('leader session closed');
    await this.client.query('SELECT 1');
  }

  private async session(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = await this.store.sessionClient();
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'leadership session error');
      if (this.client === client) {
        this.client = null;
        this.setLeader(false);
      }
    });
    // PostgreSQL drops this session (and releases the lock) within ~15 s if this machine vanishes from the network.
    await client.query("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3; SET tcp_user_timeout = '10s'");
    this.client = client;
    return client;
  }

  /** Ends the session (releasing the lock); never waits more than a check timeout on a half-dead connection. */
  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (!client) return;
    await endSession(client, this.checkTimeoutMs);
  }

  private setLeader(leader: boolean): void {
    if (this.leader === leader) return;
    this.leader = leader;
    for (const listener of this.listeners) listener(leader);
  }
}
