import { yjsCloseCodes, yjsTicketPath } from '../../shared/core/yjs-protocol.js';

/** The ticket could not be had for a reason retrying will not fix (session revoked, expired, wrong room…). */
export class TicketRefused extends Error {
  constructor(
    /** The close code the connection reports: `revoked`, or `rateLimited` when asked too often. */
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'TicketRefused';
  }
}

/**
 * Asks the server for a single-use Yjs ticket with the session token in a header, never in a URL.
 * Rejects with `TicketRefused` when the server says no, with any other error when it could not be reached.
 */
export async function requestYjsTicket(baseUrl: string, roomId: string, token: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const res = await fetchImpl(`${baseUrl}${yjsTicketPath(roomId)}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body: unknown = await res.json().catch(() => null);
  const field = (name: string): unknown => (body && typeof body === 'object' && name in body ? (body as Record<string, unknown>)[name] : undefined);
  if (res.ok && typeof field('ticket') === 'string') return field('ticket') as string;
  const error = field('error');
  const message = error && typeof error === 'object' && 'message' in error && typeof error.message === 'string' ? error.message : res.statusText;
  if (res.status === 429) throw new TicketRefused(yjsCloseCodes.rateLimited, message);
  if (res.status >= 400 && res.status < 500) throw new TicketRefused(yjsCloseCodes.revoked, message);
  throw new Error(`ticket: HTTP ${res.status} ${message}`);
}

/** What `WebsocketProvider` reads and sets on its socket: the handlers, `binaryType`, `readyState`, send and close. */
interface ProviderSocket {
  binaryType: BinaryType;
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: ArrayBufferLike | ArrayBufferView | Blob | string): void;
  close(code?: number, reason?: string): void;
}

const withTicket = (url: string, ticket: string) => `${url}${url.includes('?') ? '&' : '?'}ticket=${encodeURIComponent(ticket)}`;

/**
 * A WebSocket class for `WebsocketProvider`'s `WebSocketPolyfill` option: each connection attempt — the first
 * and every reconnection the provider makes by itself — first fetches a fresh single-use ticket, then opens
 * the real socket with `ticket=…` added to the provider's URL. A refused ticket is reported as a close with
 * its code (4401: the provider stops; 4429: our client pauses), an unreachable server as an abnormal close
 * (1006: the provider retries with its backoff, as when offline).
 *
 * @example
 * new WebsocketProvider(url, 'main-courante', doc, {
 *   WebSocketPolyfill: ticketedWebSocket(() => requestYjsTicket(base, roomId, token)),
 * });
 */
export function ticketedWebSocket(fetchTicket: () => Promise<string>, Base: typeof WebSocket = WebSocket): typeof WebSocket {
  class TicketedWebSocket implements ProviderSocket {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readonly CONNECTING = 0;
    readonly OPEN = 1;
    readonly CLOSING = 2;
    readonly CLOSED = 3;
    binaryType: BinaryType = 'arraybuffer';
    onopen: ProviderSocket['onopen'] = null;
    onmessage: ProviderSocket['onmessage'] = null;
    onclose: ProviderSocket['onclose'] = null;
    onerror: ProviderSocket['onerror'] = null;
    private inner: WebSocket | null = null;
    private ended = false;

    constructor(url: string, protocols?: string | string[]) {
      fetchTicket().then(
        (ticket) => this.open(withTicket(url, ticket), protocols),
        (error: unknown) => this.fail(error),
      );
    }

    get readyState(): number {
      return this.inner?.readyState ?? (this.ended ? this.CLOSED : this.CONNECTING);
    }

    send(data: ArrayBufferLike | ArrayBufferView | Blob | string): void {
      this.inner?.send(data);
    }

    close(code?: number, reason?: string): void {
      this.ended = true;
      this.inner?.close(code, reason);
    }

    private open(url: string, protocols: string | string[] | undefined): void {
      // Closed by the provider while the ticket was on its way: the ticket simply expires unused.
      if (this.ended) return;
      const socket = new Base(url, protocols);
      socket.binaryType = this.binaryType;
      socket.onopen = (event) => this.onopen?.(event);
      socket.onmessage = (event) => this.onmessage?.(event);
      socket.onclose = (event) => this.onclose?.(event);
      socket.onerror = (event) => this.onerror?.(event);
      this.inner = socket;
    }

    private fail(error: unknown): void {
      if (this.ended) return;
      this.ended = true;
      const refused = error instanceof TicketRefused;
      this.onclose?.({ code: refused ? error.code : 1006, reason: refused ? error.message : 'Serveur injoignable.', wasClean: false });
    }
  }
  // The provider uses only the members above; the DOM type also lists listeners it never calls.
  return TicketedWebSocket as unknown as typeof WebSocket;
}
