// A real pino logger writing into memory, so tests can assert the operator-facing log lines.
import { pino } from 'pino';
import type { Logger } from '../../../src/log.ts';

export interface CapturedLog {
  log: Logger;
  /** Every line's msg, joined: what an operator would read. */
  text(): string;
  clear(): void;
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return {
    log,
    text: () => lines.map((l) => (JSON.parse(l) as { msg?: string }).msg ?? '').join('\n'),
    clear: () => void lines.splice(0),
  };
}
