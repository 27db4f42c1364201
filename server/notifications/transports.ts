import type { OutboundChannel } from '../../shared/directory/state.js';

/** One message handed to a transport: the address, the texts, and a stable id for de-duplication downstream. */
export interface OutboundMessage {
  /** `corruss@sante.gouv.fr` or `+33612345678`. */
  to: string;
  subject: string;
  text: string;
  /** Stable across attempts (room + notification id): the Message-ID and the gateway's `id`. */
  id: string;
}

/** What the SMTP server or the gateway answered, kept in the log. */
export interface TransportReceipt {
  response: string;
}

/** A failed send: `response` is the server's answer (`550 5.1.1 …`, `HTTP 503 …`, `ECONNREFUSED`). */
export class TransportError extends Error {
  constructor(readonly response: string) {
    super(response);
    this.name = 'TransportError';
  }
}

/**
 * How a message leaves: one transport per outbound channel. A commercial SMS provider is one more
 * implementation of this interface (docs/deployment.md, « Passerelle SMS »).
 */
export interface Transport {
  readonly channel: OutboundChannel;
  send(message: OutboundMessage): Promise<TransportReceipt>;
  close?(): void;
}

export type Transports = ReadonlyMap<OutboundChannel, Transport>;
