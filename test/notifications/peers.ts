import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** How the test SMTP server answers DATA: accept, refuse with a 5xx, or never answer (a hung relay). */
export type SmtpMode = 'accept' | 'reject' | 'stall';

export interface TestSmtp {
  port: number;
  url: string;
  /** Messages accepted (250), parsed with mailparser. */
  received: ParsedMail[];
  /** Every DATA the server saw, accepted or not. */
  attempts: number;
  mode: SmtpMode;
  /** Resolves when `count` messages have been accepted. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (the `smtp-server` package) on loopback, with authentication and no STARTTLS (the test
 * has no certificate): what the outbox talks to through nodemailer, as to a relay.
 */
export async function startSmtp(port = 0): Promise<TestSmtp> {
  const waiters = new Set<() => void>();
  const state: TestSmtp = {
    port: 0,
    url: '',
    received: [],
    attempts: 0,
    mode: 'accept',
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (state.received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(state.received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${count} mail(s), got ${state.received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth: (auth, _session, callback) => (auth.username === 'orsan' && auth.password === 'secret' ? callback(null, { user: 'orsan' }) : callback(new Error('535 Authentication failed'))),
    onData: (stream, _session, callback) => {
      state.attempts += 1;
      const mode = state.mode;
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (mode === 'stall') return; // never answers: the client hangs until it gives up or dies
        if (mode === 'reject') {
          const error = Object.assign(new Error('Relay temporarily refusing: mailbox unavailable'), { responseCode: 550 });
          return callback(error);
        }
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          state.received.push(mail);
          callback();
          for (const w of waiters) w();
        });
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://orsan:secret@127.0.0.1:${state.port}`;
  return state;
}

export interface SmsRequest {
  authorization: string | undefined;
  body: { to: string; text: string; id: string };
}

export interface TestGateway {
  url: string;
  received: SmsRequest[];
  /** HTTP status the gateway answers with. */
  status: number;
  waitFor(count: number, timeoutMs?: number): Promise<SmsRequest[]>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A real HTTP listener playing the SMS gateway's JSON webhook. */
export async function startGateway(): Promise<TestGateway> {
  const waiters = new Set<() => void>();
  const holder: { server?: Server } = {};
  const state: TestGateway = {
    url: '',
    received: [],
    status: 202,
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (state.received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(state.received);
        };
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} SMS, got ${state.received.length}`)), timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => holder.server!.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    void readBody(req).then((text) => {
      if (state.status < 300) state.received.push({ authorization: req.headers.authorization, body: JSON.parse(text) as SmsRequest['body'] });
      res.writeHead(state.status, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${state.received.length}` }));
      for (const w of waiters) w();
    });
  });
  holder.server = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return state;
}

/** The acknowledgement link in a message's text. */
export function ackLinkIn(text: string): string {
  const match = /https?:\/\/\S+\/ack\/[a-z2-9]+\.[A-Za-z0-9_-]{32}/.exec(text);
  if (!match) throw new Error(`no acknowledgement link in: ${text}`);
  return match[0];
}
