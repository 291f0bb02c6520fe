import { pino, type Logger } from 'pino';

export type { Logger };

/** Root logger; requests and deliveries get child loggers with their ids. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'shebao-sentinel' },
    redact: { paths: ['*.authorization', '*.idNumber', '*.mobile', '*.token', '*.secret'], censor: '[redacted]' },
  });
}
