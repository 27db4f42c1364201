import { TransportError, type OutboundMessage, type Transport, type TransportReceipt } from './transports.js';

/**
 * SMS through a generic JSON webhook: `POST SMS_GATEWAY_URL` with `Authorization: Bearer SMS_GATEWAY_TOKEN` and
 * `{ "to": "+33612345678", "text": "…", "id": "<stable id>" }`; any 2xx is accepted (its body is kept). The
 * gateway should drop a second request with the same `id` (docs/deployment.md).
 */
export function smsWebhookTransport(url: string, token: string | undefined): Transport {
  return {
    channel: 'sms',
    async send(message: OutboundMessage): Promise<TransportReceipt> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to: message.to, text: message.text, id: message.id }),
          signal: AbortSignal.timeout(15_000),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        throw new TransportError(`passerelle SMS injoignable${cause ? ` (${cause})` : ''}`);
      }
      const body = (await response.text().catch(() => '')).slice(0, 300);
      const answer = `HTTP ${response.status}${body ? ` ${body}` : ''}`;
      if (!response.ok) throw new TransportError(answer);
      return { response: answer };
    },
  };
}
