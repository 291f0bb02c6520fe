// `npm test` tells the truth: a run with a failing test exits non-zero. Each run is a real
// vitest child process with the real global set-up (embedded PostgreSQL), whose process-wide
// exit hooks once turned a failed run into exit 0.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function runVitest(filter: string): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const args = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/vitest-exit/vitest.config.ts', filter];
    const child = spawn(process.execPath, args, { env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => ok({ code, output }));
  });
}

describe('the test command exit code', () => {
  it('is non-zero when a test fails', { timeout: 180_000 }, async () => {
    const run = await runVitest('always-fails');
    expect(run.output).toMatch(/Tests\s+1 failed/);
    expect(run.code).toBe(1);
  });

  it('is zero when every test passes', { timeout: 180_000 }, async () => {
    const run = await runVitest('passes');
    expect(run.output).toMatch(/Tests\s+1 passed/);
    expect(run.code).toBe(0);
  });
});
