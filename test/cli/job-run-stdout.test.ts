// `sentinel job run …` as a real process: stdout carries only the summary (scripts parse it),
// every log line goes to stderr.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const run = promisify(execFile);

describe('sentinel job run', () => {
  it('prints the summary alone on stdout and the JSON log lines on stderr', async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: t.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'sentinel-cli-')), LOG_LEVEL: 'debug' };
    const { stdout, stderr } = await run(process.execPath, ['src/cli/main.ts', 'job', 'run', 'enrolment-deadline-sweep', '--as-of', '2026-12-01'], { env });
    expect(stdout).toMatch(/^enrolment-deadline-sweep as of 2026-12-01: [^\n]*\n$/);
    const logLines = stderr.split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toContain('job finished');
  }, 60_000);
});
