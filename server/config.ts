import { z } from 'zod';
import { describeZodError } from '../shared/core/errors.js';
import { TrustProxy } from './http/trust-proxy.js';
import { OidcProvidersEnv, OperatorEmailsEnv } from './identity/provider-config.js';

const boolish = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the server reads, validated: a bad value stops the start with a clear message. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url().optional(),
  OPERATOR_TOKEN: z.string().min(24, 'OPERATOR_TOKEN doit faire au moins 24 caractères').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO: boolish.default(true),
  /** Scenario of the demo exercise room created on first start. */
  DEMO_SCENARIO: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .default('cyber-ght-samu-normandie'),
  MAP_TILE_URL: z.string().optional(),
  MAP_TILE_ATTRIBUTION: z.string().optional(),
  STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /**
   * Where the embedded store commits: `thread` (default: a writer thread, so that a slow fsync never blocks the
   * sockets), `inline` (on the event loop: faster on a fast, quiet disk), `auto` (moves between the two on the
   * commits it times; not the default yet, see docs/performance.md).
   */
  SQLITE_WRITER: z.enum(['auto', 'thread', 'inline']).default('thread'),
  DATABASE_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  CLIENT_DIR: z.string().optional(),
  /** Folder of scenario files (default: the shipped `scenarios/`). */
  SCENARIOS_DIR: z.string().optional(),
  /** Proxies whose `X-Forwarded-For` names the client (rate limits per address): see `server/http/trust-proxy.ts`. */
  TRUST_PROXY: TrustProxy.default(false),
  /** Bearer token that opens `GET /metrics` on the main port; without it (and without METRICS_PORT) metrics are not served. */
  METRICS_TOKEN: z.string().min(24, 'METRICS_TOKEN doit faire au moins 24 caractères').optional(),
  /** A separate listener for `GET /metrics` only, on METRICS_HOST (loopback by default). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Outbound e-mail: `smtp://user:pass@relay:587` (STARTTLS when offered) or `smtps://…:465`. Unset: no e-mail leaves. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'SMTP_URL doit être une URL smtp:// ou smtps://' }).optional(),
  /** Sender of outbound e-mail: `ORSAN Room <alerte@ars-xxx.sante.fr>`. */
  MAIL_FROM: z.string().min(3).max(200).default('ORSAN Room <orsan-room@localhost>'),
  /** Outbound SMS through a JSON webhook: POST `{ to, text, id }` (docs/deployment.md). Unset: no SMS leaves. */
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: 'SMS_GATEWAY_URL doit être une URL http(s)://' }).optional(),
  SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
  /** First retry delay of a failed outbound message (doubles at each attempt, at most 15 min). */
  OUTBOX_RETRY_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** The crisis directory (annuaire de crise), CSV or XLSX: read by every crisis room at creation; checked at start. */
  DIRECTORY_FILE: z
    .string()
    .regex(/\.(csv|xlsx)$/i, 'DIRECTORY_FILE doit être un fichier .csv ou .xlsx')
    .optional(),
  /** OpenID providers to sign in with (ProConnect, Pro Santé Connect…), as JSON: `server/identity/provider-config.ts`. */
  OIDC_PROVIDERS: OidcProvidersEnv.optional(),
  /** Accepted difference between this server's clock and the provider's when checking an ID token's times. */
  OIDC_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(600).default(60),
  /** Verified e-mail addresses whose owners may create and list rooms after signing in (the operator token stays). */
  OPERATOR_EMAILS: OperatorEmailsEnv.optional(),
  /** How long a signed-in session lasts: one crisis shift. */
  SESSION_TTL_HOURS: z.coerce.number().min(0.05).max(168).default(12),
});

export type Config = z.infer<typeof EnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Configuration invalide : ${describeZodError(parsed.error)}`);
  if (parsed.data.STORE === 'postgres' && !parsed.data.DATABASE_URL) {
    throw new Error('Configuration invalide : STORE=postgres demande DATABASE_URL');
  }
  return parsed.data;
}
