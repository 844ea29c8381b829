import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** Structured JSON logs; secrets never reach them. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'liaison' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.newPassword',
          '*.currentPassword',
          '*.secret',
          '*.privateKeyPem',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
