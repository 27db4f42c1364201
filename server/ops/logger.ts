import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (one object per line), ready for any log collector. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'orsan-room' } });
}
