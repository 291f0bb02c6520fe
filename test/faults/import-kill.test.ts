// `sentinel import employees` is SIGKILLed halfway through a big roster: the import is one
// transaction, so nothing of it is in the database; the rerun imports every row once, and a
// third run finds nothing to change.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProcess } from '../e2e/server-process.ts';
import { validIdNumber } from '../helpers/factories.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';

const ROWS = 2000;
const t = await createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'sentinel-import-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: t.url, DATA_DIR: dir, LOG_LEVEL: 'warn', SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64') };
const file = join(dir, 'big-roster.csv');
const lines = Array.from({ length: ROWS }, (_, i) => `K${100000 + i},测试员工${i},139${String(10_000_000 + i).slice(-8)},${validIdNumber(500_000 + i)},2024-01-02,研发部`);
writeFileSync(file, `工号,姓名,手机号,身份证号,入职日期,部门\n${lines.join('\n')}\n`);

const imported = () => t.db.employee.count({ where: { employeeNo: { startsWith: 'K' } } });

/** Starts the import and SIGKILLs it once it reports rows written but before it finishes. */
function killMidImport(): Promise<string> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'import', 'employees', file], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((ok) => {
    const onData = (d: Buffer) => {
      out += d;
      if (/imported [1-9]\d*\/\d+/.test(out)) child.kill('SIGKILL');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', () => ok(out));
  });
}

describe('a roster import killed halfway', { timeout: 240_000 }, () => {
  it('leaves nothing behind, and the rerun imports it once', async () => {
    const out = await killMidImport();
    expect(out).toMatch(/imported [1-9]\d*\/2000/);
    expect(out).not.toContain('导入完成');
    expect(await imported()).toBe(0);
    expect(await t.db.auditEvent.count({ where: { type: 'employees.imported' } })).toBe(0);

    const rerun = await runProcess(['src/cli/main.ts', 'import', 'employees', file], env);
    expect(rerun.output).toContain(`导入完成：新增 ${ROWS}，更新 0，未变 0`);
    expect(rerun.code).toBe(0);
    expect(await imported()).toBe(ROWS);

    const again = await runProcess(['src/cli/main.ts', 'import', 'employees', file], env);
    expect(again.output).toContain(`新增 0，更新 0，未变 ${ROWS}`);
    expect(await imported()).toBe(ROWS);
  });
});
