import pino, { Logger } from 'pino';

/**
 * Structured logs. Personal data and secrets never reach a log line: the redaction list below is a
 * safety net; the habit is to log ids, never names, mobiles, UDID contents or secrets.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'udid-exchange' },
      redact: {
        paths: [
          'password', '*.password', 'clientSecret', '*.clientSecret', 'secret', '*.secret', 'token', '*.token',
          'authorization', '*.authorization', 'req.headers.authorization', 'headers.authorization',
          'mobile', '*.mobile', 'name', '*.name', 'email', '*.email', 'aadhaarLast4', '*.aadhaarLast4',
          // A database error's bound values (TypeORM QueryFailedError) may be personal data (a UDID, a date of birth).
          'err.parameters', '*.err.parameters',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
