import type { Config } from '../config.js';
import { defineServerFeature } from '../feature.js';
import { ackRoutes } from './ack-routes.js';
import { recordReplies } from './replies.js';
import { mailTransport } from './mail-transport.js';
import { runOutbox } from './outbox.js';
import { smsWebhookTransport } from './sms-webhook.js';
import type { Transport, Transports } from './transports.js';
import type { OutboundChannel } from '../../shared/directory/state.js';

/** The transports the configuration opens: SMTP for mail, the webhook for SMS; none when unset. */
export function transportsOf(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_GATEWAY_URL' | 'SMS_GATEWAY_TOKEN'>): Transports {
  const transports = new Map<OutboundChannel, Transport>();
  if (config.SMTP_URL) transports.set('mail', mailTransport(config.SMTP_URL, config.MAIL_FROM));
  if (config.SMS_GATEWAY_URL) transports.set('sms', smsWebhookTransport(config.SMS_GATEWAY_URL, config.SMS_GATEWAY_TOKEN));
  return transports;
}

/** One set of transports per server, opened on first use (a server that never sends opens no SMTP pool). */
const transportsByConfig = new WeakMap<Config, Transports>();
function sharedTransports(config: Config, onClose: (cleanup: () => void) => void): Transports {
  let transports = transportsByConfig.get(config);
  if (!transports) {
    const opened = transportsOf(config);
    transports = opened;
    transportsByConfig.set(config, opened);
    onClose(() => {
      for (const t of opened.values()) t.close?.();
      transportsByConfig.delete(config);
    });
  }
  return transports;
}

/**
 * Outbound alerts: the durable outbox (leader only) that hands queued e-mails and SMS to their transports,
 * and the one-click acknowledgement pages (`/ack/<token>`, outside `/api`: they are for people, not clients).
 */
export const notificationsServer = defineServerFeature({
  id: 'notifications',
  pages: (ctx) => ackRoutes({ rooms: ctx.rooms, logger: ctx.logger }),
  automations: [
    (runtime, ctx) =>
      runOutbox(runtime, {
        transports: sharedTransports(ctx.config, ctx.onClose),
        publicUrl: ctx.url,
        retryMs: ctx.config.OUTBOX_RETRY_MS,
        maxAttempts: ctx.config.OUTBOX_MAX_ATTEMPTS,
        logger: ctx.logger,
      }),
    (runtime, ctx) => recordReplies(runtime, ctx.docs, ctx.logger),
  ],
});
