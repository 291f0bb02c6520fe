import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Root logger; requests and deliveries get child loggers with their ids. The server logs to
 * stdout; the CLI passes `stderr: true`, since its stdout is the command's output (scripts parse
 * it). Synchronous there, so nothing is lost when the CLI exits right after a command.
 */
export function createLogger(level: string, opts: { stderr?: boolean } = {}): Logger {
  const options = {
    level,
    base: { app: 'shebao-sentinel' },
    redact: { paths: ['*.authorization', '*.idNumber', '*.mobile', '*.token', '*.secret'], censor: '[redacted]' },
  };
  return opts.stderr ? pino(options, pino.destination({ dest: 2, sync: true })) : pino(options);
}
