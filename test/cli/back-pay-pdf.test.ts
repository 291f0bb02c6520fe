// `sentinel calc back-pay … --pdf <dir>` writes the three back-pay documents into dir and ledgers
// each under the employee; bad combinations exit 1 naming the argument and write nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEmployee } from '../helpers/factories.ts';
import { inProcessCli } from '../helpers/in-process-cli.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const dir = mkdtempSync(join(tmpdir(), 'back-pay-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: t.url, DATA_DIR: dir, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: Buffer.alloc(32, 7).toString('base64') };

const cli = inProcessCli(env);

const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' } },
  rounding: 'fen', dueDay: 'last', lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};

let employeeNo = '';
let employeeId = '';
const documents = () => t.db.evidenceEntry.count({ where: { type: 'money.document' } });

beforeAll(async () => {
  const file = join(dir, 'example.json');
  writeFileSync(file, JSON.stringify({ city: '示例市', cityCode: '000000', periods: [period] }));
  expect((await cli('policy', 'import', file)).code).toBe(0);
  const e = await makeEmployee(t.deps, { startDate: '2025-03-01', insuredCity: '示例市', monthlyWage: 800_000 });
  ({ employeeNo } = e);
  employeeId = e.id;
});

describe('sentinel calc back-pay --pdf', () => {
  it.each([
    [['--city', '示例市', '--wage', '8000'], '--pdf 需要 --employee'],
    [['--employee', 'E-NOPE'], '--employee：找不到工号为 E-NOPE 的员工'],
    [['--employee', 'EMPLOYEE', '--reason', ''], '--reason 应为 1–200 字'],
  ])('refuses %j with exit 1 and writes nothing', async (subject, message) => {
    const out = join(dir, 'refused');
    const args = subject.map((a) => (a === 'EMPLOYEE' ? employeeNo : a));
    const r = await cli('calc', 'back-pay', ...args, '--from', '2025-05', '--to', '2025-06', '--pay-on', '2025-09-10', '--pdf', out);
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining(message) });
    expect(existsSync(out)).toBe(false);
    expect(await documents()).toBe(0);
  });

  it('writes the three documents with the real binary and ledgers each under the employee', async () => {
    const out = join(dir, '文书');
    const run = promisify(execFile);
    const { stdout, stderr } = await run(process.execPath, ['scripts/sentinel.js', 'calc', 'back-pay', '--employee', employeeNo, '--from', '2024-12', '--to', '2025-06', '--pay-on', '2025-09-10', '--pdf', out], { env: { ...env, PATH: process.env.PATH } })
      .catch((e: { stdout: string; stderr: string }) => e);
    // 2024-12 has no policy: refused by name before anything is written.
    expect(stderr).toContain('--from：2024-12 没有示例市的社保政策');
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    const ok = await run(process.execPath, ['scripts/sentinel.js', 'calc', 'back-pay', '--employee', employeeNo, '--from', '2025-05', '--to', '2025-06', '--pay-on', '2025-09-10', '--pdf', out, '--reason', '入职时未及时增员'], { env: { ...env, PATH: process.env.PATH } });
    expect(ok.stdout).toContain('已生成：');
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(3);
    expect(names.map((n) => n.split('-')[0]).sort()).toEqual(['社保补缴申报表', '社保补缴说明函', '跨年补缴影响说明'].sort());
    for (const name of names) {
      const bytes = readFileSync(join(out, name));
      expect((await PDFDocument.load(bytes)).getTitle()).toBe(name.split('-')[0]);
    }
    const entries = await t.db.evidenceEntry.findMany({ where: { type: 'money.document' } });
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.subjectType === 'employee' && e.subjectId === employeeId)).toBe(true);
  }, 180_000);
});
