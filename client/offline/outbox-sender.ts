import type { Socket } from 'socket.io-client';
import type { CommandAck } from '../../shared/protocol.js';
import type { CommandOutbox } from './command-outbox.js';

/** What `send` resolves with: the server's ack, or `queued` when the command waits in the outbox (offline). */
export type SendOutcome = CommandAck | { ok: true; queued: true };

/** How long an ack is awaited before the command is left for the next connection (sent again with its id). */
const ackTimeoutMs = 10_000;
/** Pause before sending again after a refusal that is not about the command (rate limit, room quarantined). */
const retryMs = 2_000;
const transient = new Set(['rate_limited', 'unavailable']);

/**
 * Sends the outbox's commands one at a time, in order, while the room is connected: each is removed once the
 * server has answered. Its author, if her screen still waits (it was sent online), gets the refusal there;
 * otherwise — given offline, or before a reload — the refusal stays in the outbox for her to read.
 */
export class OutboxSender {
  private socket: Socket | null = null;
  private running = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  /** Screens waiting for the outcome of a command sent while connected, by command id. */
  private readonly waiting = new Map<string, (outcome: SendOutcome) => void>();

  constructor(private readonly outbox: CommandOutbox) {}

  /** The room is connected (welcome received) through `socket`, or not (null). */
  setSocket(socket: Socket | null): void {
    this.socket = socket;
    if (!socket) {
      // Offline: the screens stop waiting; their commands stay in the outbox, shown as pending.
      for (const resolve of this.waiting.values()) resolve({ ok: true, queued: true });
      this.waiting.clear();
    }
    this.run();
  }

  /** Keeps the command on the device, then sends it (now if connected, else on reconnection). */
  async send(id: string, type: string, payload: unknown, queuedAt: number): Promise<SendOutcome> {
    await this.outbox.enqueue({ id, type, payload, queuedAt });
    if (!this.socket) return { ok: true, queued: true };
    const outcome = new Promise<SendOutcome>((resolve) => this.waiting.set(id, resolve));
    this.run();
    return outcome;
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.setSocket(null);
  }

  private run(): void {
    if (this.running || !this.socket) return;
    this.running = true;
    void this.drain().finally(() => {
      this.running = false;
      // Something queued while the last ack was awaited on a connection that has just ended and come back.
      if (this.socket && this.outbox.nextPending() && !this.retryTimer) this.run();
    });
  }

  private async drain(): Promise<void> {
    for (let next = this.outbox.nextPending(); next && this.socket; next = this.outbox.nextPending()) {
      const socket = this.socket;
      const ack = await new Promise<CommandAck | null>((resolve) =>
        socket.timeout(ackTimeoutMs).emit('command', { id: next!.id, type: next!.type, payload: next!.payload }, (err: Error | null, answer: CommandAck) => resolve(err ? null : answer)),
      );
      if (!ack) return; // no answer: left for the next connection, sent again with the same id
      if (!ack.ok && transient.has(ack.error.code)) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.run();
        }, retryMs);
        return;
      }
      const waiter = this.waiting.get(next.id);
      this.waiting.delete(next.id);
      if (ack.ok || waiter) await this.outbox.remove(next.id);
      else await this.outbox.refuse(next.id, ack.error);
      waiter?.(ack);
    }
  }
}
