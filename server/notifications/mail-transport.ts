import nodemailer from 'nodemailer';
import { TransportError, type OutboundMessage, type Transport, type TransportReceipt } from './transports.js';

/** `ORSAN Room <alerte@ars.sante.fr>` → `ars.sante.fr`, the domain of our Message-IDs. */
function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'orsan-room.invalid';
}

interface SmtpFailure {
  code?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

function failureText(error: unknown): string {
  const e = (error ?? {}) as SmtpFailure;
  return (e.response ?? [e.code, e.message].filter(Boolean).join(' ')).slice(0, 500) || 'échec SMTP';
}

/**
 * E-mail through SMTP (nodemailer): `SMTP_URL` names the relay and its credentials; STARTTLS is used when the
 * relay offers it. The Message-ID derives from the notification, so a message sent twice (a crash between the
 * relay's acceptance and our record of it) is recognisable as one by the receiving mail system.
 */
export function mailTransport(smtpUrl: string, from: string): Transport {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = senderDomain(from);
  return {
    channel: 'mail',
    async send(message: OutboundMessage): Promise<TransportReceipt> {
      try {
        const info = await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.id}@${domain}>`,
          headers: { 'X-ORSAN-Notification': message.id, 'Auto-Submitted': 'auto-generated' },
        });
        return { response: String(info.response ?? 'accepté').slice(0, 500) };
      } catch (error) {
        throw new TransportError(failureText(error));
      }
    },
    close: () => transporter.close(),
  };
}
