/**
 * Structured logs (issue 16): one JSON object per line on stdout (pino), for
 * journald, Loki or any log shipper. What Konsens logs carries no personal
 * data — no client address, name, e-mail address, token or join code: the
 * server logs its own state (start, stop, purges) and unexpected errors, and
 * an error is logged as its type, message and stack only.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

function errorFields(error: unknown): { type: string; message: string; stack?: string } {
  if (error instanceof Error) return { type: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { type: typeof error, message: String(error) };
}

export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: process.env.KONSENS_LOG_LEVEL ?? 'info',
      base: { service: 'konsens' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: errorFields },
    },
    destination,
  );
}

/** The server's logger. */
export const log = createLogger();

/** An error that is the server's own fault (a 500, a failed background job). */
export function logError(error: unknown, context = 'unexpected error'): void {
  log.error({ err: error }, context);
}
