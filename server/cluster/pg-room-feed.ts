import type pg from 'pg';
import type { PostgresStore } from '../store/postgres.js';
import type { Logger } from '../ops/logger.js';
import { endSession } from './pg-session.js';

/** What the feed announces: a room whose log grew up to `seq` (Infinity: anything may have been missed). */
export type AppendAnnouncer = (roomId: string, seq: number) => void;

const RECONNECT_MS = 1000;

/**
 * Listens to the appends every instance announces (`pg_notify` in the append transaction, so only
 * committed appends are heard, and only after they are readable). If the listening session drops,
 * it reconnects and announces every live room as possibly behind, since notifications sent meanwhile are lost.
 */
export class PgRoomFeed {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: PostgresStore,
    private readonly announce: AppendAnnouncer,
    private readonly resyncAll: () => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const client = await this.store.sessionClient();
    client.on('notification', (message) => {
      if (message.channel !== this.store.eventsChannel || !message.payload) return;
      const [roomId, seq] = message.payload.split(' ');
      if (roomId && seq) this.announce(roomId, Number(seq));
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('session ended')));
    await client.query(`LISTEN "${this.store.eventsChannel}"`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await endSession(client);
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    this.logger.warn({ err: error }, 'event feed from PostgreSQL lost: reconnecting');
    void endSession(client);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retry = setTimeout(() => {
      this.retry = null;
      if (this.stopped) return;
      this.start().then(this.resyncAll, (error: unknown) => {
        this.logger.warn({ err: error }, 'event feed reconnection failed');
        this.scheduleReconnect();
      });
    }, RECONNECT_MS);
    this.retry.unref();
  }
}

/**
 * Brings live rooms up to what other instances appended, one refresh at a time per room: announcements
 * arriving during a refresh are not dropped but served by the next pass of the same loop.
 */
export class RemoteAppendFollower {
  private readonly wanted = new Map<string, number>();
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(
    private readonly follow: (roomId: string) => Promise<{ seq(): number; refresh(): Promise<unknown[]> }>,
    private readonly logger: Logger,
  ) {}

  readonly announce: AppendAnnouncer = (roomId, seq) => {
    if (this.stopped) return;
    this.wanted.set(roomId, Math.max(this.wanted.get(roomId) ?? 0, seq));
    if (!this.running.has(roomId)) void this.drain(roomId);
  };

  stop(): void {
    this.stopped = true;
  }

  private async drain(roomId: string): Promise<void> {
    this.running.add(roomId);
    let failed = false;
    try {
      const room = await this.follow(roomId);
      while (!this.stopped && (this.wanted.get(roomId) ?? 0) > room.seq()) {
        // An empty read means the log holds nothing more (the announcement was already applied): stop.
        if ((await room.refresh()).length === 0) break;
      }
    } catch (error) {
      failed = true;
      this.logger.warn({ err: error, roomId }, 'could not read the appends of another instance: retrying');
    } finally {
      this.running.delete(roomId);
    }
    const wanted = this.wanted.get(roomId) ?? 0;
    this.wanted.delete(roomId);
    // PostgreSQL unreachable for a moment: try again, or the room would stay behind until its next append.
    if (failed) setTimeout(() => this.announce(roomId, wanted), RECONNECT_MS).unref();
  }
}
