// Ctrl-C stops embedded PostgreSQL together with the server: the outbox connection it closes
// (57P01) is logged as part of the stop, never as 「pg-boss error」; anything else is an error.
import { describe, expect, it } from 'vitest';
import { bossErrorLogger } from '../../src/outbox/open-outbox-boss.ts';

function recordingLog() {
  const lines: { level: string; fields: object; msg: string }[] = [];
  const at = (level: string) => (fields: object, msg: string) => void lines.push({ level, fields, msg });
  return { lines, log: { info: at('info'), error: at('error') } };
}

describe('the outbox logs what pg-boss reports', () => {
  it('logs PostgreSQL shutting down (57P01) as information, without 「pg-boss error」', () => {
    const { lines, log } = recordingLog();
    bossErrorLogger(log as never)(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(lines).toEqual([{ level: 'info', fields: { code: '57P01' }, msg: 'database shutting down: outbox connection closed' }]);
  });

  it('logs any other failure as an error with its code and message only', () => {
    const { lines, log } = recordingLog();
    bossErrorLogger(log as never)(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED', client: { secret: 'x' } }));
    expect(lines).toEqual([{ level: 'error', fields: { code: 'ECONNREFUSED', message: 'connection refused' }, msg: 'pg-boss error (the outbox keeps retrying)' }]);
  });
});
