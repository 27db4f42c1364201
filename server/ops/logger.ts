import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout (one object per line), ready for any log collector; `destination` lets a test read them. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { service: 'orsan-room' } };
  return destination ? pino(options, destination) : pino(options);
}
