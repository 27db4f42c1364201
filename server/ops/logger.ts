import pino from 'pino';

export type Logger = pino.Logger;

/**
 * A path fit for the logs: no query string (`?token=`, `?ticket=` are credentials) and no invitation code
 * (`/join/<code>` is a reusable credential too).
 */
export function logSafePath(url: unknown): string {
  const text = typeof url === 'string' ? url : String(url);
  const path = text.split(/[?#]/, 1)[0] ?? '';
  return path.replace(/\/join\/[^/]+/g, '/join/***');
}

/**
 * Structured JSON logs on stdout (one object per line), ready for any log collector; `destination` lets a
 * test read them. Whatever logs a `path` or `url` gets it through `logSafePath`; tokens are censored.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'orsan-room' },
    serializers: { path: logSafePath, url: logSafePath },
    redact: { paths: ['token', 'ticket', 'authorization', 'headers.authorization', '*.token', '*.ticket'], censor: '[masqué]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
